using System.Diagnostics;

namespace PgSeq.Cli.Serve;

/// <summary>
/// When serve checks what: each target every interval, their first checks spread evenly over the first interval
/// (target i of n at i·interval/n, the first at once so that /metrics has data soon), at most <c>jobs</c> at once.
/// Each target has a loop of its own, so a slow or dead database delays only itself; a check that overruns the
/// interval is followed by the next one at once, never by a pile of them.
/// </summary>
internal sealed class CheckSchedule(TimeSpan interval, int jobs) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(jobs);
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <summary>Runs <paramref name="check"/> for every item on the schedule until <paramref name="stop"/> is cancelled.</summary>
    public Task RunAsync<T>(IReadOnlyList<T> items, Func<T, CancellationToken, Task> check, CancellationToken stop) =>
        Task.WhenAll(items.Select((item, i) => LoopAsync(item, interval * i / items.Count, check, stop)));

    public void Dispose() => _slots.Dispose();

    private async Task LoopAsync<T>(T item, TimeSpan offset, Func<T, CancellationToken, Task> check, CancellationToken stop)
    {
        var due = _clock.Elapsed + offset;
        try
        {
            while (true)
            {
                if (due - _clock.Elapsed is { Ticks: > 0 } wait)
                {
                    await Task.Delay(wait, stop);
                }

                await _slots.WaitAsync(stop);
                try
                {
                    await check(item, stop);
                }
                finally
                {
                    _slots.Release();
                }

                due = due + interval > _clock.Elapsed ? due + interval : _clock.Elapsed;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping: the check in progress was cancelled with its query.
        }
    }
}
