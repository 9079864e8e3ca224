using PgSeq.Catalog;

namespace PgSeq.Diagnosis;

/// <summary>Refuses, before anything is locked, a repair the connected role is not allowed to make safely.</summary>
internal static class RepairRefusal
{
    /// <summary>The refusal, or null when the role may repair the sequence.</summary>
    /// <param name="sequence">The sequence and its columns, with what the role may do with them.</param>
    /// <param name="user">The connected role, quoted, for the reason.</param>
    public static Failure? Of(CatalogSequence sequence, string user)
    {
        if (!sequence.CanAlter)
        {
            return Failure.PermissionDenied(Phrases.NotOwner(user, sequence.Name, sequence.Owner));
        }

        var unlockable = sequence.MeasuredColumns.FirstOrDefault(c => !c.CanLock);
        return unlockable is null ? null : Failure.PermissionDenied(Phrases.CannotLock(user, unlockable.Table));
    }
}
