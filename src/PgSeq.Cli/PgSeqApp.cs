using System.CommandLine;
using System.Globalization;
using PgSeq.Cli.Commands;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;

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

        // The language decides the help text, so it is read first, from a parse in English that may fail (an unusable
        // --lang is the real parse's error to report); the real parse follows in that language.
        var english = CommandTree.Build(Texts.English, console, environment, interrupt);
        var englishParse = english.Root.Parse(args);
        var texts = Texts.For(english.LanguageOf(englishParse), environment);
        CultureInfo.CurrentUICulture = texts.Culture;
        var tree = CommandTree.Build(texts, console, environment, interrupt);
        var parsed = tree.Root.Parse(args);

        var exitCode = parsed.Errors.Count > 0
            ? await ArgumentErrors.ReportAsync(parsed, englishParse, tree, texts, console)
            : await InvokeAsync(parsed, tree, texts, console, interrupt);
        if (output.Failure is { } failure)
        {
            await errors.WriteLineAsync(texts["ErrorLine", texts["OutputUnwritable", failure.Message.TrimEnd('.')]]);
            return exitCode == ExitCodes.Ok ? ExitCodes.Incomplete : exitCode;
        }

        return exitCode;
    }

    private static async Task<int> InvokeAsync(ParseResult parsed, CommandTree tree, Texts texts, CliConsole console, Interrupt interrupt)
    {
        try
        {
            return await parsed.InvokeAsync(new InvocationConfiguration
            {
                Output = console.Out,
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            }, interrupt.Token);
        }
        catch (OperationCanceledException) when (interrupt.Token.IsCancellationRequested)
        {
            await console.Error.WriteLineAsync(texts["InterruptedNothing"]);
            return interrupt.ExitCode;
        }
        catch (Exception error)
        {
            // The commands turn every failure they expect into their own line and exit code; this is the last resort
            // for one they do not, which still must not end in a crash with a stack trace.
            string Say(Texts language) => ArgumentErrors.WithoutPasswords(language["Error_Unexpected", error.Message.TrimEnd('.')]);
            await console.Error.WriteLineAsync(texts["ErrorLine", Say(texts)]);
            if (parsed.GetResult(tree.Common.Verbose) is { Implicit: false })
            {
                await console.Error.WriteLineAsync(error.ToString());
            }

            return ArgumentErrors.Answer(tree.FormatOf(parsed), Say(Texts.English), console);
        }
    }
}
