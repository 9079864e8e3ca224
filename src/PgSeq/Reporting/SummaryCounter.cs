namespace PgSeq.Reporting;

/// <summary>Builds a report's <see cref="DriftSummary"/> and longest lock hold as its sequences pass, so the counts never
/// need the whole list again.</summary>
internal sealed class SummaryCounter
{
    private int _sequences, _ok, _drift, _skipped, _skippedCollisions, _error, _busy, _repaired, _collisions, _repairable;
    private int _capacityWarning, _capacityCritical, _unlinked;
    private Attention _attention;

    /// <summary>The longest lock hold of the repairs counted so far; null when none was applied.</summary>
    public TimeSpan? LongestLockHeld { get; private set; }

    /// <summary>Counts one sequence's report.</summary>
    public void Add(SequenceReport report)
    {
        _sequences++;
        switch (report.Status)
        {
            case SequenceStatus.Ok: _ok++; break;
            case SequenceStatus.Drift: _drift++; break;
            case SequenceStatus.Skipped: _skipped++; _skippedCollisions += report.Finding == Finding.WouldCollide ? 1 : 0; break;
            case SequenceStatus.Error: _error++; break;
            case SequenceStatus.Busy: _busy++; break;
            case SequenceStatus.CapacityWarning: _capacityWarning++; break;
            case SequenceStatus.CapacityCritical: _capacityCritical++; break;
            case SequenceStatus.Unlinked: _unlinked++; break;
        }

        if (report.Repair is { Applied: true } repair)
        {
            _repaired++;
            LongestLockHeld = LongestLockHeld is { } longest && longest >= repair.LockHeld ? longest : repair.LockHeld;
        }

        if (report.NextInsertCollides)
        {
            _collisions++;
        }

        if (report.Repairable)
        {
            _repairable++;
        }

        _attention = report.Attention > _attention ? report.Attention : _attention;
    }

    /// <summary>The counts so far.</summary>
    public DriftSummary Summary => new()
    {
        Sequences = _sequences,
        Ok = _ok,
        Drift = _drift,
        Skipped = _skipped,
        SkippedCollisions = _skippedCollisions,
        Error = _error,
        Busy = _busy,
        Repaired = _repaired,
        Collisions = _collisions,
        Repairable = _repairable,
        CapacityWarning = _capacityWarning,
        CapacityCritical = _capacityCritical,
        Unlinked = _unlinked,
        Attention = _attention,
    };
}
