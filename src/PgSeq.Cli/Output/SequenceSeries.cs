namespace PgSeq.Cli.Output;

/// <summary>What one sequence exports: its labels and figures, copied out of its report so that the report can go.</summary>
/// <param name="Sequence">The sequence's schema-qualified name.</param>
/// <param name="Table">The first table it feeds; empty when none.</param>
/// <param name="Column">The first column it feeds; empty when none.</param>
/// <param name="Status">Its status.</param>
/// <param name="NextValue">What the next nextval() returns; null when unknown.</param>
/// <param name="SourceNextValue">With --from: the source's next value.</param>
/// <param name="ColumnMax">MAX (MIN when descending) over its columns; null when empty or unread.</param>
/// <param name="NextInsertCollides">Whether the very next insert fails.</param>
/// <param name="BehindBy">How far it lags its data, 0 when it does not.</param>
/// <param name="UsedRatio">Share of its range used; null when unknown.</param>
/// <param name="Remaining">Values left before the limit; null when unknown.</param>
/// <param name="Repaired">Whether this run moved it; null where nothing repairs (serve).</param>
internal sealed record SequenceSeries(
    string Sequence,
    string Table,
    string Column,
    SequenceStatus Status,
    long? NextValue,
    long? SourceNextValue,
    long? ColumnMax,
    bool NextInsertCollides,
    long BehindBy,
    double? UsedRatio,
    long? Remaining,
    bool? Repaired)
{
    /// <summary>The figures of <paramref name="sequence"/>; <paramref name="repairs"/> says whether the run could repair.</summary>
    public static SequenceSeries Of(SequenceReport sequence, bool repairs)
    {
        var first = sequence.Columns.Count > 0 ? sequence.Columns[0] : null;
        return new(
            sequence.Sequence.Name,
            first?.Table ?? string.Empty,
            first?.Column ?? string.Empty,
            sequence.Status,
            sequence.NextValue,
            sequence.SourceNextValue,
            sequence.ColumnExtreme,
            sequence.NextInsertCollides,
            sequence.BehindBy ?? 0,
            sequence.Capacity?.UsedRatio,
            sequence.Capacity?.Remaining,
            repairs ? sequence.Repair?.Applied == true : null);
    }
}
