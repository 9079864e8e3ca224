namespace PgSeq.Cli.Targets;

/// <summary>
/// What a target's report says about all its sequences, without the sequences: what the summary line, the exit code
/// and the outputs that count need once the sequences have passed.
/// </summary>
/// <param name="Database">The database examined.</param>
/// <param name="ServerVersion">The server's version, as <c>server_version</c> reports it.</param>
/// <param name="OnStandby">The server is a hot standby.</param>
/// <param name="Summary">Counts over the sequences read.</param>
/// <param name="LongestLockHeld">The longest lock hold of a fix; null when nothing was repaired.</param>
/// <param name="Cutover">With --from: how the sequences compare with the source's.</param>
/// <param name="Complete">Every sequence read could be examined (and repaired).</param>
/// <param name="Attention">The most urgent finding.</param>
/// <param name="Planned">A dry run: the repairs it would make.</param>
internal sealed record ReportOutline(
    string Database,
    string ServerVersion,
    bool OnStandby,
    DriftSummary Summary,
    TimeSpan? LongestLockHeld,
    CutoverComparison? Cutover,
    bool Complete,
    Attention Attention,
    int Planned)
{
    /// <summary>How the reading ended.</summary>
    public RunEnding Ending { get; init; }

    /// <summary>The sequences in scope, as the catalog counted them; null when the run stopped before.</summary>
    public int? SequencesInScope { get; init; }

    /// <summary>The sequences in scope the run never read: 0 for a run that got to its end; null when unknown (the run
    /// stopped before the catalog counted them).</summary>
    public int? NotRead => Ending == RunEnding.Completed ? 0 : SequencesInScope - Summary.Sequences is { } left ? Math.Max(left, 0) : null;

    /// <summary>The totals of a reader whose sequences have all passed (or whose reading ended early).</summary>
    public static ReportOutline Of(DriftReportReader reader, int planned, RunEnding ending) => new(
        reader.Database,
        reader.ServerVersion,
        reader.OnStandby,
        reader.Summary,
        reader.LongestLockHeld,
        reader.Cutover,
        reader.Complete,
        reader.Attention,
        planned)
    {
        Ending = ending,
        SequencesInScope = reader.SequencesInScope,
    };
}
