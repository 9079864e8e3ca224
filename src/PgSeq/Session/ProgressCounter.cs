namespace PgSeq.Session;

/// <summary>Counts finished items of one phase across parallel workers and reports each step.</summary>
internal sealed class ProgressCounter(IProgress<RunProgress>? sink, RunPhase phase, int total)
{
    private int _done;

    /// <summary>Reports the start of the phase.</summary>
    public ProgressCounter Start()
    {
        sink?.Report(new RunProgress { Phase = phase, Done = 0, Total = total });
        return this;
    }

    /// <summary>Adds <paramref name="count"/> finished items.</summary>
    public void Add(int count)
    {
        if (sink is not null && count > 0)
        {
            sink.Report(new RunProgress { Phase = phase, Done = Interlocked.Add(ref _done, count), Total = total });
        }
    }
}
