using System.CommandLine;
using System.Globalization;
using PgSeq.Cli.Commands;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Runs;
using PgSeq.Cli.Serve;

namespace PgSeq.Cli;

/// <summary>The pgseq command line: parses the arguments and runs check, fix, repair-block or serve. Testable in-process.</summary>
internal static class PgSeqApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, Func<string, string?> environment, Interrupt interrupt)
    {
        // A report that cannot be printed (a full disk under a redirection) never stops the work half-way: the failed
        // writes are dropped, and the run ends with one line that says so.
        var output = new GuardedWriter(console.Out);
        var errors = new GuardedWriter(console.Error);
        console = console with { Out = output, Error = errors };
        var exitCode = await ParseAndRunAsync(args, console, environment, interrupt);
        if (output.Failure is { } failure)
        {
            var texts = Texts.For(null, environment);
            await errors.WriteLineAsync(texts["ErrorLine", texts["OutputUnwritable", failure.Message.TrimEnd('.')]]);
            return exitCode == ExitCodes.Ok ? ExitCodes.Incomplete : exitCode;
        }

        return exitCode;
    }

    private static async Task<int> ParseAndRunAsync(string[] args, CliConsole console, Func<string, string?> environment, Interrupt interrupt)
    {
        // The language decides the help text, so it is read first; the real parse follows in that language.
        var requested = Build(Texts.English, console, environment, interrupt, out var lang).Parse(args).GetValue(lang);
        var texts = Texts.For(requested, environment);
        CultureInfo.CurrentUICulture = texts.Culture;
        var root = Build(texts, console, environment, interrupt, out _);

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command == root ? "pgseq" : $"pgseq {parsed.CommandResult.Command.Name}";
            // One line: System.CommandLine lists the accepted values of an option on lines of their own.
            var message = parsed.Errors[0].Message.Replace("\n\t", " ", StringComparison.Ordinal).ReplaceLineEndings(" ").TrimEnd('.');
            await console.Error.WriteLineAsync(texts["ErrorLine", texts["UsageHint", message, command]]);
            return ExitCodes.Incomplete;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        }, interrupt.Token);
    }

    private static RootCommand Build(
        Texts texts, CliConsole console, Func<string, string?> environment, Interrupt interrupt, out Option<string?> lang)
    {
        var reports = new ReportRunner(console, environment, interrupt, texts);
        var common = new CommonOptions(texts);
        lang = new Option<string?>("--lang") { Description = texts["Help_Lang"], Recursive = true, HelpName = "en|ru" };
        lang.AcceptOnlyFromAmong("en", "ru");
        var root = new RootCommand(texts["Help_Root"])
        {
            lang,
            CheckCommand.Create(texts, common, reports.RunAsync),
            FixCommand.Create(texts, common, reports.RunAsync),
            RepairBlockCommand.Create(texts, common, new RepairBlockRun(console, interrupt, texts).RunAsync),
            ServeCommand.Create(texts, common, new Exporter(console, environment, interrupt, texts).RunAsync),
        };
        root.SetAction(async (_, _) =>
        {
            await console.Error.WriteLineAsync(texts["ErrorLine", texts["CommandRequired"]]);
            return ExitCodes.Incomplete;
        });
        return root;
    }
}
