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
        RunAsync(settings, options, RunMode.Check, async (dataSource, run) =>
        {
            var report = await SequenceDrift.CheckAsync(dataSource, options with { Links = [.. options.Links, .. run.Links], CutoverSource = run.Source, Progress = run.Progress }, interrupt.Token);
            return (report, ExitCodes.ForCheck(report, settings.FailOnWarning));
        });

    public Task<int> FixAsync(RunSettings settings, FixOptions options) =>
        RunAsync(settings, options, options.DryRun ? RunMode.DryRun : RunMode.Fix, async (dataSource, run) =>
        {
            var report = await SequenceDrift.FixAsync(dataSource, options with { Links = [.. options.Links, .. run.Links], CutoverSource = run.Source, Progress = run.Progress }, interrupt.Token);
            return (report, ExitCodes.ForFix(report, options.DryRun));
        });

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
        RunSettings settings, CheckOptions options, RunMode mode, Func<NpgsqlDataSource, RunAdditions, Task<(DriftReport Report, int ExitCode)>> run)
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

        var progress = single && settings.Format == OutputFormat.Table && console.ErrorIsTerminal ? new ProgressDisplay(console.Error, texts) : null;
        var additions = new RunAdditions(links, source?.DataSource, progress);
        var log = settings.LogFile is null ? null : new RunLog(settings.LogFile);
        using var slots = new SemaphoreSlim(options.Jobs);
        var running = targets.Select(target => RunTargetAsync(
            target, dataSource => progress is null ? run(dataSource, additions) : progress.ShowWhileAsync(run(dataSource, additions)), slots)).ToList();

        // Tables are printed in the order given, each as soon as it and those before it are done.
        var results = new List<TargetResult>();
        foreach (var task in running)
        {
            var result = await task;
            results.Add(result);
            log?.Write(result, mode);
            if (settings.Format == OutputFormat.Table)
            {
                PrintTable(result, mode, settings, single);
            }
        }

        var exitCode = Worst(results);
        switch (settings.Format)
        {
            case OutputFormat.Json when single:
                if (results[0].Report is { } report)
                {
                    JsonReport.Write(console.Out, report, mode, results[0].Interrupted);
                }
                else
                {
                    JsonReport.WriteError(console.Out, results[0].Error!);
                }

                break;
            case OutputFormat.Json:
                JsonReport.WriteTargets(console.Out, results, mode);
                break;
            case OutputFormat.Prometheus:
                await PrometheusReport.WriteAsync(console.Out, results, settings.Series);
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

    private async Task<TargetResult> RunTargetAsync(Target target, Func<NpgsqlDataSource, Task<(DriftReport Report, int ExitCode)>> run, SemaphoreSlim slots)
    {
        if (target.Failure is not null)
        {
            return Failed(target, target.Failure);
        }

        await slots.WaitAsync(CancellationToken.None);
        try
        {
            await using var dataSource = TargetList.Open(target.Connection!);
            var (report, exitCode) = await run(dataSource);
            return new TargetResult(target.Label, target.Connection, report, null, exitCode, false, DateTimeOffset.UtcNow);
        }
        catch (RepairInterruptedException interrupted)
        {
            return new TargetResult(target.Label, target.Connection, interrupted.Partial, null, interrupt.ExitCode, true, DateTimeOffset.UtcNow);
        }
        catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
        {
            return new TargetResult(target.Label, target.Connection, null, texts["InterruptedNothing"], interrupt.ExitCode, true, DateTimeOffset.UtcNow);
        }
        catch (Exception error) when (error is NpgsqlException or PgSeqException or InvalidOperationException)
        {
            return Failed(target, error);
        }
        finally
        {
            slots.Release();
        }
    }

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

    private TargetResult Failed(Target target, Exception error) =>
        new(target.Label, target.Connection, null, ErrorMessages.Describe(error, target.Connection, texts), ExitCodes.Incomplete, false, DateTimeOffset.UtcNow, error);

    private void PrintTable(TargetResult result, RunMode mode, RunSettings settings, bool single)
    {
        if (result.Report is { } report)
        {
            if (settings.Sql)
            {
                SqlScript.Write(console.Out, report);
                console.Error.WriteLine(HumanReport.Summary(texts, report, mode));
            }
            else
            {
                HumanReport.Write(CreateConsole(), texts, report, mode, result.Label, settings.Verbose, settings.Quiet);
            }
        }

        if (result.Interrupted)
        {
            console.Error.WriteLine(result.Report is null ? texts["InterruptedNothing"] : texts["Interrupted", result.Report.Summary.Repaired]);
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
