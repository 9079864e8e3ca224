using PgSeq.Cli.Commands;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;
using Spectre.Console;

namespace PgSeq.Cli.Sinks;

/// <summary>The table on standard output: each target's table, reasons and summary line as soon as it and the targets
/// before it are done, and with several targets a closing line per run.</summary>
internal sealed class TableSink(
    CliConsole console, Func<string, string?> environment, Texts texts, RunMode mode, ReportOutput output, bool single) : IReportSink
{
    private readonly List<TableRows> _rows = [];
    private readonly TargetMessages _messages = new(console, texts, mode, output.Verbose, single);

    public ITargetSink Open(int index, Target target)
    {
        var rows = new TableRows(output.Verbose, output.Quiet);
        _rows.Add(rows);
        return new SequencesOnly(rows.Add);
    }

    public void Finished(TargetResult result)
    {
        if (_messages.Printable(result))
        {
            HumanReport.Write(CreateConsole(), texts, result.Outline!, _rows[result.Index], mode, result.Label, output.Verbose, output.Quiet);
        }

        _messages.Outcome(result);
    }

    public Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode)
    {
        if (!single && (!output.Quiet || exitCode != ExitCodes.Ok))
        {
            console.Out.WriteLine();
            console.Out.WriteLine(HumanReport.TargetsSummary(texts, results));
        }

        return Task.FromResult(exitCode);
    }

    public int Refused(string message, Exception? error, int exitCode)
    {
        _messages.RunError(message, error);
        return exitCode;
    }

    public int Interrupted(int exitCode)
    {
        _messages.NothingDone();
        return exitCode;
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
