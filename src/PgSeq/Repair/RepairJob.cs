using PgSeq.Catalog;
using PgSeq.Diagnosis;

namespace PgSeq.Repair;

/// <summary>One sequence to repair, and what became of it. Filled in by the worker that runs it.</summary>
/// <param name="Index">Its place in the run's report.</param>
/// <param name="Inspection">The sequence as checked before the repair.</param>
/// <param name="Floor">After a migration: a next value it must reach whatever its data says.</param>
/// <param name="Script">Renders the repair as a psql script, for the report.</param>
internal sealed record RepairJob(int Index, Inspection.Inspection Inspection, long? Floor, Func<string> Script)
{
    /// <summary>The sequence and its columns.</summary>
    public CatalogSequence Sequence => Inspection.Sequence;

    /// <summary>What the repair transaction found and did, when it committed.</summary>
    public RepairResult? Result { get; set; }

    /// <summary>Why it failed (lock timeout, privilege), when it did.</summary>
    public Verdict? Failure { get; set; }
}
