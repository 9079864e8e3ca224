using Npgsql;
using PgSeq.Catalog;
using PgSeq.Cli.Connection;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using Spectre.Console;

namespace PgSeq.Cli.Commands;

/// <summary>
/// Runs one check or fix: resolves the connection, calls the library, prints the report, and maps every outcome and
/// failure to an exit code. Holds no rules about sequences; those live in the library.
/// </summary>
internal sealed class CommandExecution(CliConsole console, Func<string, string?> environment, Interrupt interrupt, Texts texts)
{
    public Task<int> CheckAsync(RunSettings settings) =>
        RunAsync(settings, RunMode.Check, async dataSource =>
        {
            var report = await SequenceDrift.CheckAsync(dataSource, settings.Scope, interrupt.Token);
            return (report, ExitCodes.ForCheck(report, settings.FailOnWarning));
        });

    public Task<int> FixAsync(RunSettings settings)
    {
        var options = (FixOptions)settings.Scope;
        var mode = options.DryRun ? RunMode.DryRun : RunMode.Fix;
        return RunAsync(settings, mode, async dataSource =>
        {
            var report = await SequenceDrift.FixAsync(dataSource, options, interrupt.Token);
            return (report, ExitCodes.ForFix(report, options.DryRun));
        });
    }

    private async Task<int> RunAsync(RunSettings settings, RunMode mode, Func<NpgsqlDataSource, Task<(DriftReport Report, int ExitCode)>> run)
    {
        ConnectionTarget? target = null;
        try
        {
            _ = new RelationFilter(settings.Scope);
            target = new ConnectionResolver(environment).Resolve(settings.Connection);
            await using var dataSource = new NpgsqlSlimDataSourceBuilder(target.Settings.ConnectionString)
                .EnableArrays()
                .EnableTransportSecurity()
                .EnableIntegratedSecurity()
                .Build();
            var (report, exitCode) = await run(dataSource);
            Print(report, mode, settings, target, interrupted: false);
            return exitCode;
        }
        catch (RepairInterruptedException interrupted)
        {
            Print(interrupted.Partial, mode, settings, target!, interrupted: true);
            var repaired = interrupted.Partial.Summary.Repaired;
            console.Error.WriteLine(texts["Interrupted", repaired]);
            return interrupt.ExitCode;
        }
        catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
        {
            console.Error.WriteLine(texts["InterruptedNothing"]);
            return interrupt.ExitCode;
        }
        catch (Exception error) when (error is NpgsqlException or PgSeqException or ConnectionSettingsException or ArgumentException or InvalidOperationException)
        {
            var line = ErrorMessages.Describe(error, target, texts);
            if (settings.Json)
            {
                JsonReport.WriteError(console.Out, line);
            }

            console.Error.WriteLine(texts["ErrorLine", line]);
            if (settings.Verbose)
            {
                console.Error.WriteLine(error.ToString());
            }

            return ExitCodes.Incomplete;
        }
    }

    private void Print(DriftReport report, RunMode mode, RunSettings settings, ConnectionTarget target, bool interrupted)
    {
        if (settings.Json)
        {
            JsonReport.Write(console.Out, report, mode, interrupted);
        }
        else if (settings.Sql)
        {
            SqlScript.Write(console.Out, report);
            console.Error.WriteLine(HumanReport.Summary(texts, report, mode));
        }
        else
        {
            HumanReport.Write(CreateConsole(), texts, report, mode, target.Description, settings.Verbose);
        }
    }

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
