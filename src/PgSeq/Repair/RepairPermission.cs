using PgSeq.Catalog;
using PgSeq.Diagnosis;
using PgSeq.Probing;
using PgSeq.Session;

namespace PgSeq.Repair;

/// <summary>Refuses, before anything is locked, a repair the connected role is not allowed to make safely.</summary>
internal static class RepairPermission
{
    /// <summary>The refusal, or null when the role may repair the sequence.</summary>
    public static Verdict? Check(CatalogSequence sequence, SessionInfo session)
    {
        if (!sequence.CanAlter)
        {
            return ProbeFailure.Failed(SequenceStatus.Error, Finding.PermissionDenied,
                $"role {session.User} does not own sequence {sequence.Name}, and holding nextval() callers off during the repair takes ALTER SEQUENCE; run fix as {sequence.Owner} (or a member of that role)");
        }

        var unlockable = sequence.MeasuredColumns.FirstOrDefault(c => !c.CanLock);
        return unlockable is null
            ? null
            : ProbeFailure.Failed(SequenceStatus.Error, Finding.PermissionDenied,
                $"role {session.User} may not lock {unlockable.Table} against writers during the repair; GRANT UPDATE ON {unlockable.Table} TO {session.User}, or run fix as its owner");
    }
}
