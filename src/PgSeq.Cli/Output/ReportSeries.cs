namespace PgSeq.Cli.Output;

/// <summary>What one report exports: counts per status over every sequence, and the selected sequences' series.</summary>
/// <param name="Database">The database the report is about.</param>
/// <param name="StatusCounts">Sequences per status, indexed by <see cref="SequenceStatus"/>.</param>
/// <param name="Sequences">The selected sequences, in the report's order (by name).</param>
/// <param name="CheckedAt">When the check ended.</param>
/// <param name="Duration">How long the check took; null where it is not measured.</param>
internal sealed record ReportSeries(
    string Database,
    IReadOnlyList<int> StatusCounts,
    IReadOnlyList<SequenceSeries> Sequences,
    DateTimeOffset CheckedAt,
    TimeSpan? Duration);
