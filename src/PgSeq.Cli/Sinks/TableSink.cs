using PgSeq.Cli.Commands;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;
using Spectre.Console;

namespace PgSeq.Cli.Sinks;

/// <summary>The table on standard output: each target's table, reasons and summary line.</summary>
internal sealed class TableSink(CliConsole console, Func<string, string?> environment, Texts texts, RunMode mode, ReportOutput output, bool single)
    : HumanSink(console, texts, mode, output, single)
{
    private readonly List<TableRows> _rows = [];

    public override ITargetSink Open(int index, Target target)
    {
        var rows = new TableRows(Output.Verbose, Output.Quiet);
        _rows.Add(rows);
        return new SequencesOnly(rows.Add);
    }

    protected override void Print(TargetResult result, ReportOutline outline) =>
        HumanReport.Write(CreateConsole(), Texts, outline, _rows[result.Index], Mode, result.Label, Output.Verbose, Output.Quiet);

    // Colour and ANSI only on a terminal, never with NO_COLOR; off a terminal the table keeps its full width.
    private IAnsiConsole CreateConsole()
    {
        var colour = Console.OutIsTerminal && string.IsNullOrEmpty(environment("NO_COLOR"));
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(Console.Out),
            Ansi = colour ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!Console.OutIsTerminal)
        {
            ansi.Profile.Width = 1000;
        }

        return ansi;
    }
}
