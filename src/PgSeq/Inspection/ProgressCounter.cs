namespace PgSeq.Inspection;

/// <summary>
/// Counts finished items of one phase across parallel workers and reports each step. A phase whose total is found as
/// the run goes, window by window, reports no total (0) until the catalog's last window has added its own: a total that
/// grew after the bar had reached it would make the bar go back.
/// </summary>
internal sealed class ProgressCounter(IProgress<RunProgress>? sink, RunPhase phase)
{
    private int _done;
    private int _total;
    private volatile bool _known;

    /// <summary>Reports the start of the phase.</summary>
    public ProgressCounter Start()
    {
        Report(0);
        return this;
    }

    /// <summary>Sets the phase's whole total, known before its items are (the sequences in scope).</summary>
    public void Total(int total)
    {
        Volatile.Write(ref _total, total);
        _known = true;
        Report(Volatile.Read(ref _done));
    }

    /// <summary>Adds the items of one more window to the phase's total; <paramref name="last"/> when no window follows,
    /// from when on the total is reported.</summary>
    public void Grow(int count, bool last)
    {
        Interlocked.Add(ref _total, count);
        _known |= last;
        Report(Volatile.Read(ref _done));
    }

    /// <summary>Adds <paramref name="count"/> finished items.</summary>
    public void Add(int count)
    {
        if (sink is not null && count > 0)
        {
            Report(Interlocked.Add(ref _done, count));
        }
    }

    private void Report(int done) =>
        sink?.Report(new RunProgress { Phase = phase, Done = done, Total = _known ? Volatile.Read(ref _total) : 0 });
}
