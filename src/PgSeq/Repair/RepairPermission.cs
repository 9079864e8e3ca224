using PgSeq.Catalog;
using PgSeq.Session;

namespace PgSeq.Repair;

/// <summary>Refuses, before anything is locked, a repair the connected role is not allowed to make safely.</summary>
internal static class RepairPermission
{
    /// <summary>The refusal, or null when the role may repair the sequence.</summary>
    public static Failure? Check(CatalogSequence sequence, SessionInfo session)
    {
        if (!sequence.CanAlter)
        {
            return Failure.PermissionDenied(Phrases.NotOwner(session.User, sequence.Name, sequence.Owner));
        }

        var unlockable = sequence.MeasuredColumns.FirstOrDefault(c => !c.CanLock);
        return unlockable is null ? null : Failure.PermissionDenied(Phrases.CannotLock(session.User, unlockable.Table));
    }
}
