namespace PgSeq;

/// <summary>The result of a check or a fix: every sequence that feeds a column in scope, sorted by name.</summary>
public sealed record DriftReport
{
    internal DriftReport()
    {
    }

    /// <summary>The database that was examined.</summary>
    public required string Database { get; init; }

    /// <summary>The server's version, as <c>server_version</c> reports it.</summary>
    public required string ServerVersion { get; init; }

    /// <summary>True when the server is a hot standby (in recovery): it can be checked, but nothing can be repaired
    /// there; repairs belong on the primary.</summary>
    public bool OnStandby { get; init; }

    /// <summary>The sequences, sorted by name.</summary>
    public required IReadOnlyList<SequenceReport> Sequences { get; init; }

    /// <summary>With <see cref="CheckOptions.CutoverSource"/>: how the sequences compare with the source's.</summary>
    public CutoverComparison? Cutover { get; init; }

    /// <summary>Counts over <see cref="Sequences"/>.</summary>
    public required DriftSummary Summary { get; init; }

    /// <summary>The longest <see cref="RepairOutcome.LockHeld"/> of this run; null when nothing was repaired.</summary>
    public TimeSpan? LongestLockHeld { get; init; }

    /// <summary>True when every sequence could be examined (and, for <c>fix</c>, repaired): no status is Error or Busy.</summary>
    public bool Complete => IsComplete(Summary);

    /// <summary>The most urgent finding of the run: the sequences' (<see cref="DriftSummary.Attention"/>), and after a
    /// migration also sequences missing on the target, which are critical.</summary>
    public Attention Attention => AttentionOf(Summary, Cutover);

    internal static bool IsComplete(DriftSummary summary) => summary.Error == 0 && summary.Busy == 0;

    internal static Attention AttentionOf(DriftSummary summary, CutoverComparison? cutover) =>
        cutover?.MissingOnTarget.Count > 0 ? Attention.Critical : summary.Attention;
}
