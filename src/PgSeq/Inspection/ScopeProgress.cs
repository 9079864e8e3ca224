namespace PgSeq.Inspection;

/// <summary>
/// How far a run has got through the sequences in scope: how many there are, once the catalog has counted them, and
/// how many have been taken into windows so far. The report's totals say from it how many were never read when the run
/// stops early; the progress phases whose totals grow window by window, when their totals are whole.
/// </summary>
internal sealed class ScopeProgress
{
    private int _windowed;

    /// <summary>The sequences in scope; null until the catalog has been read.</summary>
    public int? InScope { get; private set; }

    /// <summary>Whether every sequence in scope has been taken into a window: the window just taken was the last.</summary>
    public bool AllWindowed => InScope is { } inScope && Volatile.Read(ref _windowed) >= inScope;

    public void Counted(int inScope) => InScope = inScope;

    public void Windowed(int count) => Interlocked.Add(ref _windowed, count);
}
