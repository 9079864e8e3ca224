namespace PgSeq;

/// <summary>The result of a check or a fix: every sequence that feeds a column in scope, sorted by name.</summary>
public sealed record DriftReport
{
    /// <summary>The database that was examined.</summary>
    public required string Database { get; init; }

    /// <summary>The server's version, as <c>server_version</c> reports it.</summary>
    public required string ServerVersion { get; init; }

    /// <summary>The sequences, sorted by name.</summary>
    public required IReadOnlyList<SequenceReport> Sequences { get; init; }

    /// <summary>With <see cref="CheckOptions.CutoverSource"/>: how the sequences compare with the source's.</summary>
    public CutoverComparison? Cutover { get; init; }

    /// <summary>Counts over <see cref="Sequences"/>.</summary>
    public DriftSummary Summary => DriftSummary.Of(Sequences);

    /// <summary>The longest <see cref="RepairOutcome.LockHeld"/> of this run; null when nothing was repaired.</summary>
    public TimeSpan? LongestLockHeld => Sequences.Where(s => s.Repair is { Applied: true }).Select(s => (TimeSpan?)s.Repair!.LockHeld).Max();

    /// <summary>True when every sequence could be examined (and, for <c>fix</c>, repaired): no status is Error or Busy.</summary>
    public bool Complete => Summary.Error == 0 && Summary.Busy == 0;
}
