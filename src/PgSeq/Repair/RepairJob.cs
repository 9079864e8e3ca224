using PgSeq.Catalog;
using PgSeq.Diagnosis;

namespace PgSeq.Repair;

/// <summary>One sequence to repair, and what became of it. Filled in by the worker that runs it.</summary>
/// <param name="Index">Its place in the run's report.</param>
/// <param name="Sequence">The sequence and its columns.</param>
/// <param name="Floor">After a migration: a next value it must reach whatever its data says.</param>
internal sealed record RepairJob(int Index, CatalogSequence Sequence, long? Floor)
{
    /// <summary>What the repair transaction found and did, when it committed.</summary>
    public RepairResult? Result { get; set; }

    /// <summary>Why it failed (lock timeout, privilege), when it did.</summary>
    public Verdict? Failure { get; set; }

    /// <summary>Whether it ran, one way or the other.</summary>
    public bool Done => Result is not null || Failure is not null;
}
