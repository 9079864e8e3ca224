using PgSeq.Catalog;

namespace PgSeq.Repair;

/// <summary>One sequence to repair, and what became of it. Filled in by the worker that runs it.</summary>
/// <param name="sequence">The sequence and its columns.</param>
/// <param name="floor">After a migration: a next value it must reach whatever its data says.</param>
/// <param name="lattice">The values the sequence can hand out, when it is judged by them: only those count, and the
/// sequence stays in its class.</param>
internal sealed class RepairJob(CatalogSequence sequence, long? floor, Lattice? lattice)
{
    public CatalogSequence Sequence => sequence;

    public long? Floor => floor;

    public Lattice? Lattice => lattice;

    /// <summary>What the repair transaction found and did, when it committed.</summary>
    public RepairResult? Result { get; set; }

    /// <summary>Why it failed (lock timeout, privilege), when it did.</summary>
    public Failure? Failure { get; set; }
}
