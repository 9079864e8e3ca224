using Npgsql;
using PgSeq.Cli.Commands;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Sinks;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Runs;

/// <summary>
/// Runs check or fix over the targets, up to --jobs at once: prepares the run, hands every target's sequences to the
/// outputs (<see cref="ReportSinks"/>, which do all the printing), tells them when each target is done in the order
/// given, and settles the exit code. Holds no rules about sequences (the library has them) and prints nothing itself.
/// </summary>
internal sealed class ReportRunner(CliConsole console, Func<string, string?> environment, Interrupt interrupt, Texts texts)
{
    public async Task<int> RunAsync(ReportRequest request)
    {
        CheckOptions options;
        ResolvedTargets resolved;
        try
        {
            (options, resolved) = await RunPreparation.PrepareAsync(
                request.Options, request.LinksFile, request.Output.LogFile, request.Targets, environment, interrupt.Token);
        }
        catch (Exception error) when (error is InputException or InvalidPatternException)
        {
            return OutputsFor(request, single: true, []).Refused(ErrorMessages.Describe(error, null, texts), error, ExitCodes.Incomplete);
        }
        catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
        {
            return OutputsFor(request, single: true, []).Interrupted(interrupt.ExitCode);
        }

        var targets = resolved.Targets;
        var single = request.Targets.Single(targets.Count);
        var sinks = OutputsFor(request, single, resolved.Skipped);
        await using var source = request.Source is { } from ? await SourceDatabase.OpenAsync(from, environment) : null;
        if (source is not null)
        {
            if (!single)
            {
                return sinks.Refused(texts["FromNeedsOneTarget"], null, ExitCodes.Incomplete);
            }

            if (source.Failure is { } sourceFailure)
            {
                return sinks.Refused(
                    texts["SourceError", source.Label, ErrorMessages.Describe(sourceFailure, source.Connection, texts)],
                    sourceFailure,
                    ExitCodes.Incomplete);
            }
        }

        // The progress line shares the terminal with nothing: not with a script streaming to the same terminal.
        var progress = single && console.ErrorIsTerminal
                       && (request.Output.Format == OutputFormat.Table || (request.Output.Format == OutputFormat.Sql && !console.OutIsTerminal))
            ? new ProgressDisplay(console.Error, texts) : null;

        // The one place the run's options are completed: the source and the progress display are the run's own.
        options = options with { CutoverSource = source?.DataSource, Progress = progress };
        var run = new TargetRun((dataSource, token) => Open(dataSource, options, token), request.ExitCodeOf, interrupt, texts);
        using var slots = new SemaphoreSlim(options.Jobs);
        var running = targets.Select((target, index) =>
        {
            var task = run.RunAsync(index, target, sinks.Open(index, target), slots);
            return progress is null ? task : progress.ShowWhileAsync(task);
        }).ToList();

        // Each target is done for the outputs in the order given, as soon as it and those before it are.
        var results = new List<TargetResult>();
        foreach (var task in running)
        {
            var result = await task;
            results.Add(result);
            sinks.Finished(result);
        }

        return await sinks.EndAsync(results, ExitCodes.Worst(results.Select(r => r.ExitCode)));
    }

    private static Task<DriftReportReader> Open(
        NpgsqlDataSource dataSource, CheckOptions options, CancellationToken cancellationToken) => options switch
    {
        FixOptions fix => SequenceDrift.OpenFixAsync(dataSource, fix, cancellationToken),
        _ => SequenceDrift.OpenCheckAsync(dataSource, options, cancellationToken),
    };

    private ReportSinks OutputsFor(ReportRequest request, bool single, IReadOnlyList<string> skipped) =>
        ReportSinks.For(request, single, skipped, console, environment, texts, interrupt);
}
