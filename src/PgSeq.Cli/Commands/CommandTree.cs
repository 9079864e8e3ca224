using System.CommandLine;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Runs;
using PgSeq.Cli.Serve;

namespace PgSeq.Cli.Commands;

/// <summary>
/// The pgseq command line in one language: the root command with check, fix, repair-block and serve, and the options
/// that must be read before a parse can be trusted: the language, and the output format an argument error is answered
/// in.
/// </summary>
internal sealed class CommandTree
{
    private CommandTree(RootCommand root, Option<string?> language, CommonOptions common)
    {
        Root = root;
        Language = language;
        Common = common;
    }

    public RootCommand Root { get; }

    /// <summary>--lang, on every command.</summary>
    public Option<string?> Language { get; }

    /// <summary>The options check, fix, repair-block and serve share.</summary>
    public CommonOptions Common { get; }

    public static CommandTree Build(Texts texts, CliConsole console, Func<string, string?> environment, Interrupt interrupt)
    {
        var reports = new ReportRunner(console, environment, interrupt, texts);
        var common = new CommonOptions(texts);
        var language = new Option<string?>("--lang")
        {
            Description = texts["Help_Lang"],
            Recursive = true,
            HelpName = "en|ru",

            // Language names are not case-sensitive (RU is ru); anything else is an argument error, never a crash.
            CustomParser = result =>
            {
                var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
                if (Texts.IsLanguage(text))
                {
                    return text.ToLowerInvariant();
                }

                result.AddError(texts["LangExpected", text]);
                return null;
            },
        };
        var root = new RootCommand(texts["Help_Root"])
        {
            language,
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
        return new CommandTree(root, language, common);
    }

    /// <summary>The language --lang asks for, when it names one; read from any parse, even one with errors.</summary>
    public string? LanguageOf(ParseResult parsed) =>
        parsed.GetResult(Language) is { Tokens: [var token] } && Texts.IsLanguage(token.Value) ? token.Value.ToLowerInvariant() : null;

    /// <summary>The format check or fix was asked to report in, read from the tokens alone so that it is known even when
    /// the parse failed; null for the other commands.</summary>
    public OutputFormat? FormatOf(ParseResult parsed)
    {
        if (parsed.CommandResult.Command.Name is not ("check" or "fix"))
        {
            return null;
        }

        if (parsed.GetResult(Common.Json) is { Implicit: false } json
            && (json.Tokens.Count == 0 || (bool.TryParse(json.Tokens[0].Value, out var asked) && asked)))
        {
            return OutputFormat.Json;
        }

        // Given twice alike, the format is still plain; given two ways, it is none of them.
        var formats = parsed.GetResult(Common.Format)?.Tokens.Select(t => t.Value).Distinct().ToList() ?? [];
        return formats is [var format] ? format switch
        {
            "json" => OutputFormat.Json,
            "prometheus" => OutputFormat.Prometheus,
            "nagios" => OutputFormat.Nagios,
            _ => OutputFormat.Table,
        } : OutputFormat.Table;
    }
}
