using PgSeq.Cli.Commands;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary>
/// The outputs meant for people (the table, and --sql's script with its summary line): each target printed as soon as
/// it and those before it are done, then its error or interruption; with several targets, a closing line per run.
/// </summary>
internal abstract class HumanSink(CliConsole console, Texts texts, RunMode mode, ReportOutput output, bool single)
    : ReportSink(console, texts, mode, output.Verbose, single)
{
    /// <summary>How to report.</summary>
    protected ReportOutput Output => output;

    public sealed override void Finished(TargetResult result)
    {
        if (TargetMessages.Printable(result))
        {
            Print(result, result.Outline!);
        }

        Messages.Outcome(result);
    }

    public sealed override Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode)
    {
        if (!Single && (!output.Quiet || exitCode != ExitCodes.Ok))
        {
            Console.Out.WriteLine();
            var skipped = Skipped.Count > 0 ? Texts["Summary_SkippedDatabases", string.Join(", ", Skipped)] : string.Empty;
            Console.Out.WriteLine(HumanReport.TargetsSummary(Texts, results) + skipped);
        }

        return Task.FromResult(exitCode);
    }

    /// <summary>Prints the report of a target whose run got to its end (or of an interrupted fix).</summary>
    protected abstract void Print(TargetResult result, ReportOutline outline);
}
