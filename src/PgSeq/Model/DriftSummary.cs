namespace PgSeq;

/// <summary>Counts over a <see cref="DriftReport"/>.</summary>
/// <param name="Sequences">Sequences in the report.</param>
/// <param name="Ok">Sequences with status <see cref="SequenceStatus.Ok"/>.</param>
/// <param name="Drift">Sequences with status <see cref="SequenceStatus.Drift"/>.</param>
/// <param name="Skipped">Sequences with status <see cref="SequenceStatus.Skipped"/>.</param>
/// <param name="Error">Sequences with status <see cref="SequenceStatus.Error"/>.</param>
/// <param name="Busy">Sequences with status <see cref="SequenceStatus.Busy"/>.</param>
/// <param name="Repaired">Sequences this run moved.</param>
/// <param name="Collisions">Sequences whose very next insert collides.</param>
/// <param name="CapacityWarning">Sequences with status <see cref="SequenceStatus.CapacityWarning"/>.</param>
/// <param name="CapacityCritical">Sequences with status <see cref="SequenceStatus.CapacityCritical"/>.</param>
/// <param name="Unlinked">Sequences with status <see cref="SequenceStatus.Unlinked"/>.</param>
public sealed record DriftSummary(
    int Sequences, int Ok, int Drift, int Skipped, int Error, int Busy, int Repaired, int Collisions, int CapacityWarning, int CapacityCritical, int Unlinked)
{
    internal static DriftSummary Of(IReadOnlyCollection<SequenceReport> reports) => new(
        reports.Count,
        reports.Count(r => r.Status == SequenceStatus.Ok),
        reports.Count(r => r.Status == SequenceStatus.Drift),
        reports.Count(r => r.Status == SequenceStatus.Skipped),
        reports.Count(r => r.Status == SequenceStatus.Error),
        reports.Count(r => r.Status == SequenceStatus.Busy),
        reports.Count(r => r.Repair?.Applied == true),
        reports.Count(r => r.NextInsertCollides),
        reports.Count(r => r.Status == SequenceStatus.CapacityWarning),
        reports.Count(r => r.Status == SequenceStatus.CapacityCritical),
        reports.Count(r => r.Status == SequenceStatus.Unlinked));
}
