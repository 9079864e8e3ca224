using System.Diagnostics;
using System.Net.Sockets;
using System.Reflection;
using PgSeq.Cli.Commands;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Runs;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Serve;

/// <summary>
/// <c>pgseq serve</c>: checks the targets on their own schedule and serves the last results over HTTP until SIGINT or
/// SIGTERM, then cancels the checks in progress, stops the server and exits 0. Read-only: it never repairs.
/// </summary>
internal sealed class Exporter(CliConsole console, Func<string, string?> environment, Interrupt interrupt, Texts texts)
{
    // How long a stop waits for cancelled checks to end; Npgsql's cancellation normally ends them in milliseconds.
    private static readonly TimeSpan CheckStopWait = TimeSpan.FromMilliseconds(500);

    /// <summary>The version pgseq_build_info carries, as --version prints it.</summary>
    public static string Version { get; } =
        typeof(Exporter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Resolves the targets once, refusing any that cannot be used, then exports until interrupted; 1 when the
    /// options, the targets, the server or the log cannot be used.</summary>
    public async Task<int> RunAsync(ServeRequest serve)
    {
        CheckOptions options;
        ResolvedTargets resolved;
        try
        {
            (options, resolved) = await RunPreparation.PrepareAsync(
                serve.Options, serve.LinksFile, serve.LogFile, serve.Targets, environment, interrupt.Token);
        }
        catch (Exception error) when (error is InputException or InvalidPatternException)
        {
            return Fail(ErrorMessages.Describe(error, null, texts), error, serve);
        }
        catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }

        if (resolved.Targets.FirstOrDefault(t => t.Failure is not null) is { } unusable)
        {
            return Fail(
                texts["TargetError", unusable.Label, ErrorMessages.Describe(unusable.Failure!, unusable.Connection, texts)],
                unusable.Failure!,
                serve);
        }

        return await ExportAsync(resolved, options, serve);
    }

    private async Task<int> ExportAsync(ResolvedTargets resolved, CheckOptions options, ServeRequest serve)
    {
        var targets = resolved.Targets;
        var log = new ServeLog(console.Error, serve.LogFile, texts);
        var monitors = targets.Select(target => new TargetMonitor(target)).ToList();
        var snapshot = new MetricsSnapshot(monitors, Version);
        await using var server = new MetricsServer(serve.Listen, snapshot, texts["Serve_Landing"]);
        try
        {
            await server.StartAsync(interrupt.Token);
        }
        catch (Exception error) when (error is IOException or SocketException)
        {
            return Fail(texts["Serve_CannotListen", serve.Listen, (error.InnerException ?? error).Message.TrimEnd('.')], error, serve);
        }
        catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
        {
            return ExitCodes.Ok;
        }

        try
        {
            log.Started(
                texts["Serve_Listening", serve.Listen, texts.Count(targets.Count, "Targets"), DurationParser.Format(serve.Interval), options.Jobs],
                ("listen", serve.Listen), ("targets", targets.Count), ("interval_seconds", serve.Interval.TotalSeconds), ("jobs", options.Jobs));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Fail(texts["Serve_LogUnwritable", serve.LogFile!, error.Message.TrimEnd('.')], error, serve);
        }

        foreach (var database in resolved.Skipped)
        {
            log.Write(DateTimeOffset.UtcNow, database, "skipped", ("reason", "datallowconn_false"));
        }

        using var schedule = new CheckSchedule(serve.Interval, options.Jobs);
        var checks = schedule.RunAsync(monitors, (monitor, stop) => CheckAsync(monitor, options, serve, snapshot, log, stop), interrupt.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, interrupt.Token);
        }
        catch (OperationCanceledException)
        {
            // SIGINT or SIGTERM: a requested stop, which for a service is success.
        }

        await Task.WhenAll(server.StopAsync(), Task.WhenAny(checks, Task.Delay(CheckStopWait, CancellationToken.None)));
        log.Stopped(texts["Serve_Stopped"]);
        return ExitCodes.Ok;
    }

    private async Task CheckAsync(
        TargetMonitor monitor, CheckOptions options, ServeRequest serve, MetricsSnapshot snapshot, ServeLog log, CancellationToken stop)
    {
        var target = monitor.Target;
        var clock = Stopwatch.StartNew();
        try
        {
            ReportSeries series;
            bool complete;
            await using (var dataSource = TargetList.Open(target.Connection!))
            await using (var reader = await SequenceDrift.OpenCheckAsync(dataSource, options, stop))
            {
                // Each sequence lives only until its series is taken: memory grows with what is exported.
                var builder = new ReportSeriesBuilder(serve.Series, repairs: false);
                await foreach (var sequence in reader.ReadAllAsync(stop))
                {
                    builder.Add(sequence);
                }

                series = builder.Build(reader.Database, DateTimeOffset.UtcNow, clock.Elapsed);
                complete = reader.Complete;
            }

            monitor.Checked(series, complete);
            log.Write(series.CheckedAt, target.Label, "checked",
                [("database", series.Database), ("sequences", series.StatusCounts.Sum()), .. Counts(series), ("duration_ms", Math.Round(
                    clock.Elapsed.TotalMilliseconds, 1))]);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return;
        }
        catch (Exception error)
        {
            // Whatever one check throws, the service goes on and the next check tries again.
            var reason = FailureReason.Of(error);
            monitor.Failed(reason, DateTimeOffset.UtcNow);
            log.Write(DateTimeOffset.UtcNow, target.Label, "error", ("reason", reason), ("message", ErrorMessages.Describe(
                error, target.Connection, texts)),
                ("duration_ms", Math.Round(clock.Elapsed.TotalMilliseconds, 1)));
            if (serve.Verbose)
            {
                log.Say(error.ToString());
            }
        }

        snapshot.Refresh();
    }

    private int Fail(string line, Exception error, ServeRequest serve)
    {
        console.Error.WriteLine(texts["ErrorLine", line]);
        if (serve.Verbose)
        {
            console.Error.WriteLine(error.ToString());
        }

        return ExitCodes.Incomplete;
    }

    private static IEnumerable<(string Key, object? Value)> Counts(ReportSeries series) =>
        Enum.GetValues<SequenceStatus>().Select(status => (ReportNames.Of(status), (object?)series.StatusCounts[(int)status]));
}
