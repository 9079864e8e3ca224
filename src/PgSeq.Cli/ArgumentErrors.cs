using System.CommandLine;
using System.Text.RegularExpressions;
using PgSeq.Cli.Commands;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;

namespace PgSeq.Cli;

/// <summary>
/// A command line that cannot be used: one line on standard error (in the user's language) and, on standard output,
/// what the chosen format gives instead of a report: the JSON error document with --json, the UNKNOWN status line with
/// --format nagios (exit 3, the plugin's code for it). Exit 1 otherwise. A password in a mistyped argument is masked.
/// </summary>
internal static partial class ArgumentErrors
{
    /// <summary>Reports the first error of <paramref name="parsed"/>; <paramref name="english"/> is the same command line
    /// parsed in English, for JSON and Nagios, which are the same in every language.</summary>
    /// <returns>The exit code.</returns>
    public static async Task<int> ReportAsync(ParseResult parsed, ParseResult english, CommandTree tree, Texts texts, CliConsole console)
    {
        await console.Error.WriteLineAsync(texts["ErrorLine", Line(parsed, texts)]);
        return Answer(tree.FormatOf(parsed), Line(english, Texts.English), console);
    }

    /// <summary>Writes on standard output what <paramref name="format"/> gives for a run that could not start, with
    /// <paramref name="english"/> as the reason.</summary>
    /// <returns>The exit code: 3 (UNKNOWN) for Nagios, else 1.</returns>
    public static int Answer(OutputFormat? format, string english, CliConsole console)
    {
        switch (format)
        {
            case OutputFormat.Json:
                JsonReport.WriteError(console.Out, english);
                return ExitCodes.Incomplete;
            case OutputFormat.Nagios:
                NagiosReport.WriteUnknown(console.Out, english);
                return NagiosReport.Unknown;
            default:
                return ExitCodes.Incomplete;
        }
    }

    /// <summary><paramref name="text"/> with the password of any connection URI or key=value string in it masked.</summary>
    public static string WithoutPasswords(string text) =>
        KeywordPassword().Replace(UriPassword().Replace(text, "${user}********@"), "${key}********");

    private static string Line(ParseResult parsed, Texts texts)
    {
        var command = parsed.CommandResult.Command is RootCommand ? "pgseq" : $"pgseq {parsed.CommandResult.Command.Name}";

        // One line: System.CommandLine lists the accepted values of an option on lines of their own.
        var message = parsed.Errors[0].Message.Replace("\n\t", " ", StringComparison.Ordinal).ReplaceLineEndings(" ").TrimEnd('.');
        return WithoutPasswords(texts["UsageHint", message, command]);
    }

    [GeneratedRegex(@"(?<user>postgres(?:ql)?://[^:@/\s']*:)[^@\s']*@", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UriPassword();

    [GeneratedRegex(@"(?<key>\bpassword\s*=\s*)(?:'(?:[^'\\]|\\.)*'|[^\s;']+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KeywordPassword();
}
