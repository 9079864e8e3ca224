namespace PgSeq.Inspection;

/// <summary>Counts finished items of one phase across parallel workers and reports each step.</summary>
internal sealed class ProgressCounter(IProgress<RunProgress>? sink, RunPhase phase, int total)
{
    private int _done;
    private int _total = total;

    /// <summary>Reports the start of the phase.</summary>
    public ProgressCounter Start()
    {
        sink?.Report(new RunProgress { Phase = phase, Done = 0, Total = _total });
        return this;
    }

    /// <summary>Adds items to the phase's total, for a phase whose work is found as the run goes (repairs, window by
    /// window), and reports where the phase stands.</summary>
    public void Grow(int count) =>
        sink?.Report(new RunProgress { Phase = phase, Done = Volatile.Read(ref _done), Total = Interlocked.Add(ref _total, count) });

    /// <summary>Adds <paramref name="count"/> finished items.</summary>
    public void Add(int count)
    {
        if (sink is not null && count > 0)
        {
            sink.Report(new RunProgress { Phase = phase, Done = Interlocked.Add(ref _done, count), Total = Volatile.Read(ref _total) });
        }
    }
}
