using Npgsql;
using PgSeq.Cli.Connection;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Serve;
using PgSeq.Cli.Targets;
using Spectre.Console;

namespace PgSeq.Cli.Commands;

/// <summary>
/// Runs check or fix over the targets (up to --jobs at once), prints the results in the chosen format, logs them,
/// and maps every outcome and failure to an exit code. Holds no rules about sequences; those live in the library.
/// </summary>
internal sealed class CommandExecution(CliConsole console, Func<string, string?> environment, Interrupt interrupt, Texts texts)
{
    public Task<int> CheckAsync(RunSettings settings, CheckOptions options) =>
        RunAsync(
            settings,
            options,
            RunMode.Check,
            (dataSource, run) => SequenceDrift.OpenCheckAsync(dataSource, options with { Links = [.. options.Links, .. run.Links], CutoverSource = run.Source, Progress = run.Progress }, interrupt.Token),
            report => ExitCodes.ForCheck(report, settings.FailOnWarning));

    public Task<int> FixAsync(RunSettings settings, FixOptions options) =>
        RunAsync(
            settings,
            options,
            options.DryRun ? RunMode.DryRun : RunMode.Fix,
            (dataSource, run) => SequenceDrift.OpenFixAsync(dataSource, options with { Links = [.. options.Links, .. run.Links], CutoverSource = run.Source, Progress = run.Progress }, interrupt.Token),
            report => ExitCodes.ForFix(report, options.DryRun));

    /// <summary>Prints the repair block for what the options select; connects to nothing.</summary>
    public async Task<int> RepairBlockAsync(RunSettings settings, FixOptions options)
    {
        try
        {
            var links = settings.LinksFile is { } file ? await LinksFile.ReadAsync(file, interrupt.Token) : [];
            await console.Out.WriteAsync(RepairBlock.For(options with { Links = [.. options.Links, .. links] }));
            return ExitCodes.Ok;
        }
        catch (Exception error) when (error is InputException or InvalidPatternException)
        {
            return Fail(settings, ErrorMessages.Describe(error, null, texts), error);
        }
    }

    /// <summary>serve: resolves the targets once, refusing any that cannot be used, then exports until interrupted.</summary>
    public async Task<int> ServeAsync(RunSettings settings, CheckOptions options, ServeSettings serve)
    {
        var (prepared, exitCode) = await PrepareAsync(settings, options);
        if (prepared is not { } ready)
        {
            return interrupt.Token.IsCancellationRequested ? ExitCodes.Ok : exitCode;
        }

        var (targets, links) = ready;

        if (targets.FirstOrDefault(t => t.Failure is not null) is { } unusable)
        {
            return Fail(settings, texts["TargetError", unusable.Label, ErrorMessages.Describe(unusable.Failure!, unusable.Connection, texts)], unusable.Failure);
        }

        return await new Exporter(console, interrupt, texts).RunAsync(targets, options with { Links = [.. options.Links, .. links] }, settings, serve);
    }

    private async Task<int> RunAsync(
        RunSettings settings,
        CheckOptions options,
        RunMode mode,
        Func<NpgsqlDataSource, RunAdditions, Task<DriftReportReader>> open,
        Func<ReportOutline, int> exitCodeOf)
    {
        var (prepared, failed) = await PrepareAsync(settings, options);
        if (prepared is not { } ready)
        {
            return failed;
        }

        var (targets, links) = ready;

        var single = targets.Count == 1 && settings.Connections.Count <= 1 && settings.TargetsFile is null && !settings.AllDatabases;
        await using var source = settings.Source is null ? null : await OpenSourceAsync(settings.Source);
        if (settings.Source is not null)
        {
            if (!single)
            {
                return Fail(settings, texts["FromNeedsOneTarget"], null);
            }

            if (source!.Failure is { } sourceFailure)
            {
                return Fail(settings, texts["SourceError", source.Label, ErrorMessages.Describe(sourceFailure, source.Connection, texts)], sourceFailure);
            }
        }

        // The progress line shares the terminal with nothing: not with a script streaming to the same terminal.
        var progress = single && settings.Format == OutputFormat.Table && console.ErrorIsTerminal && !(settings.Sql && console.OutIsTerminal)
            ? new ProgressDisplay(console.Error, texts) : null;
        var additions = new RunAdditions(links, source?.DataSource, progress);
        var log = settings.LogFile is null ? null : new RunLog(settings.LogFile);
        using var slots = new SemaphoreSlim(options.Jobs);
        var running = targets.Select(target =>
        {
            var outputs = TargetOutputs.For(settings, single, console.Out, log, target.Label, mode);
            var run = RunTargetAsync(target, mode, outputs, dataSource => open(dataSource, additions), exitCodeOf, slots);
            return progress is null ? run : progress.ShowWhileAsync(run);
        }).ToList();

        // Tables are printed in the order given, each as soon as it and those before it are done.
        var results = new List<TargetResult>();
        foreach (var task in running)
        {
            var result = await task;
            results.Add(result);
            result.Outputs.Log?.End(result);
            if (settings.Format == OutputFormat.Table)
            {
                PrintTable(result, mode, settings, single);
            }
        }

        var exitCode = Worst(results);
        switch (settings.Format)
        {
            case OutputFormat.Json when single:
                if (results[0].Outputs.Json is null)
                {
                    JsonReport.WriteError(console.Out, results[0].Error ?? texts["InterruptedNothing"]);
                }

                break;
            case OutputFormat.Json:
                JsonReport.WriteTargets(console.Out, results, mode);
                break;
            case OutputFormat.Prometheus:
                await PrometheusReport.WriteAsync(console.Out, results);
                break;
            case OutputFormat.Nagios:
                var state = NagiosReport.Write(console.Out, results, options);
                exitCode = results.Any(r => r.Interrupted) ? interrupt.ExitCode : state;
                break;
            case OutputFormat.Table when !single && (!settings.Quiet || exitCode != ExitCodes.Ok):
                console.Out.WriteLine();
                console.Out.WriteLine(TargetsSummary(results));
                break;
        }

        if (settings.Format != OutputFormat.Table)
        {
            foreach (var result in results.Where(r => r.Error is not null))
            {
                ReportError(result, settings, single);
            }
        }

        return exitCode;
    }

    // Opens the target's report and feeds its sequences to the outputs as they pass. A run that stops part-way (failed
    // or interrupted) still ends its outputs, with the totals of what was read.
    private async Task<TargetResult> RunTargetAsync(
        Target target, RunMode mode, TargetOutputs outputs, Func<NpgsqlDataSource, Task<DriftReportReader>> open, Func<ReportOutline, int> exitCodeOf, SemaphoreSlim slots)
    {
        if (target.Failure is not null)
        {
            return Failed(target, outputs, null, target.Failure);
        }

        await slots.WaitAsync(CancellationToken.None);
        try
        {
            await using var dataSource = TargetList.Open(target.Connection!);
            DriftReportReader reader;
            try
            {
                reader = await open(dataSource);
            }
            catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
            {
                return new TargetResult(target.Label, target.Connection, null, outputs, null, interrupt.ExitCode, true, DateTimeOffset.UtcNow);
            }

            await using (reader)
            {
                outputs.Begin(reader, mode);
                Exception? failure = null;
                try
                {
                    await foreach (var sequence in reader.ReadAllAsync(interrupt.Token))
                    {
                        outputs.Add(sequence);
                    }
                }
                catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
                {
                    // What was done is in the outputs; the outline below counts it.
                }
                catch (Exception error) when (IsRunFailure(error))
                {
                    failure = error;
                }

                var report = ReportOutline.Of(reader, outputs.Planned);
                if (failure is not null)
                {
                    var failed = Failed(target, outputs, report, failure);
                    outputs.End(report, interrupted: false, failed.Error);
                    return failed;
                }

                outputs.End(report, reader.Interrupted, null);
                return new TargetResult(
                    target.Label, target.Connection, report, outputs, null, reader.Interrupted ? interrupt.ExitCode : exitCodeOf(report), reader.Interrupted, DateTimeOffset.UtcNow);
            }
        }
        catch (Exception error) when (IsRunFailure(error))
        {
            return Failed(target, outputs, null, error);
        }
        finally
        {
            slots.Release();
        }
    }

    private static bool IsRunFailure(Exception error) => error is NpgsqlException or PgSeqException or InvalidOperationException;

    // The options checked, the links file read and the targets resolved; else the exit code of the failure.
    private async Task<((IReadOnlyList<Target> Targets, IReadOnlyList<ExplicitLink> Links)? Prepared, int ExitCode)> PrepareAsync(RunSettings settings, CheckOptions options)
    {
        try
        {
            options.Validate();
            var links = settings.LinksFile is { } file ? await LinksFile.ReadAsync(file, interrupt.Token) : [];
            return ((await new TargetList(environment).ResolveAsync(settings, interrupt.Token), links), ExitCodes.Ok);
        }
        catch (Exception error) when (error is InputException or InvalidPatternException)
        {
            return (null, Fail(settings, ErrorMessages.Describe(error, null, texts), error));
        }
        catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
        {
            console.Error.WriteLine(texts["InterruptedNothing"]);
            return (null, interrupt.ExitCode);
        }
    }

    private TargetResult Failed(Target target, TargetOutputs outputs, ReportOutline? report, Exception error) =>
        new(target.Label, target.Connection, report, outputs, ErrorMessages.Describe(error, target.Connection, texts), ExitCodes.Incomplete, false, DateTimeOffset.UtcNow, error);

    // A report is printed only when it is whole, or when a fix was interrupted: then it shows what was done. A check
    // stopped part-way prints no table, whose summary would speak for sequences it never read.
    private void PrintTable(TargetResult result, RunMode mode, RunSettings settings, bool single)
    {
        if (result is { Outline: { } report, Error: null } && (!result.Interrupted || mode == RunMode.Fix))
        {
            if (result.Outputs.SqlBuffer is { } script)
            {
                console.Out.Write(script.ToString());
            }

            if (result.Outputs.Table is { } rows)
            {
                HumanReport.Write(CreateConsole(), texts, report, rows, mode, result.Label, settings.Verbose, settings.Quiet);
            }
            else
            {
                console.Error.WriteLine(HumanReport.Summary(texts, report, mode));
            }
        }

        if (result.Interrupted)
        {
            console.Error.WriteLine(result.Outline is null || mode != RunMode.Fix ? texts["InterruptedNothing"] : texts["Interrupted", result.Outline.Summary.Repaired]);
        }
        else if (result.Error is not null)
        {
            ReportError(result, settings, single);
        }
    }

    private void ReportError(TargetResult result, RunSettings settings, bool single)
    {
        console.Error.WriteLine(texts["ErrorLine", single ? result.Error! : texts["TargetError", result.Label, result.Error!]]);
        if (settings.Verbose && result.Exception is not null)
        {
            console.Error.WriteLine(result.Exception.ToString());
        }
    }

    // The source is opened (and a connection tried) before any target, so that its failures name it, not the target.
    private async Task<OpenedSource> OpenSourceAsync(string text)
    {
        ConnectionTarget? connection = null;
        try
        {
            connection = new ConnectionResolver(environment).Resolve(text);
            var dataSource = TargetList.Open(connection);
            try
            {
                await using var probe = await dataSource.OpenConnectionAsync();
            }
            catch (NpgsqlException)
            {
                await dataSource.DisposeAsync();
                throw;
            }

            return new OpenedSource(connection.Description, connection, dataSource, null);
        }
        catch (Exception error) when (error is InputException or NpgsqlException)
        {
            return new OpenedSource(connection?.Description ?? "--from", connection, null, error);
        }
    }

    private int Fail(RunSettings settings, string line, Exception? error)
    {
        if (settings.Format == OutputFormat.Json)
        {
            JsonReport.WriteError(console.Out, line);
        }

        console.Error.WriteLine(texts["ErrorLine", line]);
        if (settings.Verbose && error is not null)
        {
            console.Error.WriteLine(error.ToString());
        }

        return settings.Format == OutputFormat.Nagios ? NagiosReport.Unknown : ExitCodes.Incomplete;
    }

    private string TargetsSummary(List<TargetResult> results)
    {
        var counts = new List<string>();
        void Count(int n, string key)
        {
            if (n > 0)
            {
                counts.Add(texts[key, n]);
            }
        }

        Count(results.Count(r => r.ExitCode == ExitCodes.Ok), "Count_TargetsOk");
        Count(results.Count(r => r.ExitCode == ExitCodes.Drift), "Count_TargetsFindings");
        Count(results.Count(r => r.ExitCode is not ExitCodes.Ok and not ExitCodes.Drift), "Count_TargetsFailed");
        return texts["Summary_Targets", texts.Count(results.Count, "Targets"), string.Join(", ", counts)];
    }

    // An interruption outranks a failure, which outranks a finding.
    private static int Worst(List<TargetResult> results) =>
        results.Select(r => r.ExitCode).OrderByDescending(code => code switch
        {
            ExitCodes.Interrupted or ExitCodes.Terminated => 3,
            ExitCodes.Incomplete => 2,
            ExitCodes.Drift => 1,
            _ => 0,
        }).First();

    // Colour and ANSI only on a terminal, never with NO_COLOR; off a terminal the table keeps its full width.
    private IAnsiConsole CreateConsole()
    {
        var colour = console.OutIsTerminal && string.IsNullOrEmpty(environment("NO_COLOR"));
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console.Out),
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!console.OutIsTerminal)
        {
            ansi.Profile.Width = 1000;
        }

        return ansi;
    }
}
