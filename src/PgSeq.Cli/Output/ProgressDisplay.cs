using System.Diagnostics;
using System.Globalization;
using PgSeq.Cli.Localization;
using Spectre.Console;

namespace PgSeq.Cli.Output;

/// <summary>
/// A progress bar on standard error (phase, done/total, rate) for runs that last more than about a second, and only
/// on a terminal: a short run, a pipe, a log or a JSON consumer never sees it.
/// </summary>
internal sealed class ProgressDisplay(TextWriter error, Texts texts) : IProgress<RunProgress>
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);
    private readonly Stopwatch _phaseClock = Stopwatch.StartNew();
    private RunProgress? _latest;

    public void Report(RunProgress value)
    {
        var previous = Interlocked.Exchange(ref _latest, value);
        if (previous?.Phase != value.Phase)
        {
            _phaseClock.Restart();
        }
    }

    /// <summary>Runs <paramref name="work"/>, showing the bar from the first second on until it ends.</summary>
    public async Task<T> ShowWhileAsync<T>(Task<T> work)
    {
        if (await Task.WhenAny(work, Task.Delay(Delay)) == work)
        {
            return await work;
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(error), Interactive = InteractionSupport.Yes });
        await console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask(texts["Progress_Discovering"]);
                while (!work.IsCompleted)
                {
                    Update(task);
                    await Task.WhenAny(work, Task.Delay(100));
                }

                task.StopTask();
            });
        return await work;
    }

    private void Update(ProgressTask task)
    {
        if (_latest is not { } latest)
        {
            return;
        }

        // A phase whose total is not known yet (it grows window by window) shows what is done, never a total that
        // could grow after the bar had reached it.
        var phase = texts[$"Progress_{latest.Phase}"];
        var rate = latest.Done / Math.Max(_phaseClock.Elapsed.TotalSeconds, 0.001);
        task.Description = (latest.Done, latest.Total) switch
        {
            (_, > 0) => texts["Progress_Rate", $"{phase} {Count(latest.Done)}/{Count(latest.Total)}", Count(rate)],
            (> 0, _) => texts["Progress_Rate", $"{phase} {Count(latest.Done)}", Count(rate)],
            _ => phase,
        };
        task.IsIndeterminate = latest.Total == 0;
        task.MaxValue = Math.Max(latest.Total, 1);
        task.Value = latest.Done;
    }

    private static string Count(double value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
