using PgSeq.Cli.Localization;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Output;

/// <summary>
/// The sentence that opens the summary of a run that stopped before its end (interrupted, or stopped by an error): how
/// many of the sequences in scope it read and how many it never read, so that the counts after it never pass for the
/// whole database, and an empty report never reads as "nothing to check".
/// </summary>
internal static class PartialSummary
{
    /// <summary>The sentence; null for a run that got to its end.</summary>
    public static string? Of(Texts texts, ReportOutline report)
    {
        if (report.Ending == RunEnding.Completed)
        {
            return null;
        }

        var stop = report.Ending == RunEnding.Interrupted ? "Interrupted" : "Failed";
        return (report.Summary.Sequences, report.SequencesInScope) switch
        {
            (_, null) => texts[$"Partial_{stop}_BeforeCatalog"],
            (0, 0) => texts["Summary_Nothing"],
            (0, { } total) => texts[$"Partial_{stop}_BeforeAny", texts.Count(total, "SequencesOf")],
            (var read, { } total) => texts[$"Partial_{stop}", read, texts.Count(total, "SequencesOf"), report.NotRead ?? 0],
        };
    }
}
