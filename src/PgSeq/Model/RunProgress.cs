namespace PgSeq;

/// <summary>How far a run has got in its current phase.</summary>
public sealed record RunProgress
{
    internal RunProgress()
    {
    }

    /// <summary>The phase.</summary>
    public required RunPhase Phase { get; init; }

    /// <summary>Items finished in this phase (sequences, columns or repairs).</summary>
    public required int Done { get; init; }

    /// <summary>Items in this phase; 0 while not known yet: while discovering, and for a phase whose items are found window
    /// by window (the columns to measure, the repairs) until the catalog's last window has been read.</summary>
    public required int Total { get; init; }
}
