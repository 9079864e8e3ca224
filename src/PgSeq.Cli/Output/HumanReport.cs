using System.Globalization;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Targets;
using Spectre.Console;

namespace PgSeq.Cli.Output;

/// <summary>The report as a table in the spirit of the incident report, the reasons behind it, and a summary line.</summary>
internal static class HumanReport
{
    /// <summary>Writes the report; with <paramref name="quiet"/>, only the sequences that need attention (or were
    /// repaired), and nothing at all when there are none.</summary>
    public static void Write(
        IAnsiConsole console, Texts texts, ReportOutline report, TableRows rows, RunMode mode, string target, bool verbose, bool quiet)
    {
        if (quiet && rows.Listed == 0 && report.Ending == RunEnding.Completed)
        {
            return;
        }

        var shown = rows.Shown;
        console.Write(new Text(texts[$"Heading_{mode}", target, report.ServerVersion.Split(' ')[0]]));
        console.WriteLine();
        if (shown.Count > 0)
        {
            console.WriteLine();
            console.Write(Table(console, texts, shown));
            WriteDetails(console, texts, shown, verbose);
        }

        if (rows.Listed > shown.Count)
        {
            console.Write(new Text(texts["Rows_Hidden", texts.Count(rows.Listed - shown.Count, "Sequences")]));
            console.WriteLine();
        }

        if (report.Cutover is { } cutover && (!quiet || cutover.Behind > 0 || cutover.MissingOnTarget.Count > 0))
        {
            console.WriteLine();
            console.Write(new Text(Cutover(texts, cutover)));
            console.WriteLine();
        }

        console.WriteLine();
        console.Write(new Text(Summary(texts, report, mode)));
        console.WriteLine();
    }

    private static string Cutover(Texts texts, CutoverComparison cutover)
    {
        var parts = new List<string>();
        if (cutover.Behind > 0)
        {
            parts.Add(texts["Cutover_Behind", cutover.Behind]);
        }

        if (cutover.MissingOnTarget.Count > 0)
        {
            parts.Add(texts["Cutover_MissingOnTarget", string.Join(", ", cutover.MissingOnTarget)]);
        }

        if (cutover.MissingOnSource.Count > 0)
        {
            parts.Add(texts["Cutover_MissingOnSource", string.Join(", ", cutover.MissingOnSource)]);
        }

        if (cutover.DefinitionDifferences.Count > 0)
        {
            parts.Add(texts["Cutover_Different", string.Join(", ", cutover.DefinitionDifferences.Select(d =>
                texts["Cutover_Difference", d.Sequence, d.SourceType, d.TargetType, d.SourceIncrement, d.TargetIncrement]))]);
        }

        return texts["Cutover_Heading", cutover.SourceDatabase, parts.Count == 0 ? texts["Cutover_Same"] : string.Join("; ", parts)];
    }

    /// <summary>The line that ends the report: what was found or done, and what to do next.</summary>
    public static string Summary(Texts texts, ReportOutline report, RunMode mode)
    {
        var s = report.Summary;
        var partial = PartialSummary.Of(texts, report);
        if (s.Sequences == 0)
        {
            return partial ?? texts["Summary_Nothing"];
        }

        var counts = new List<string>();
        void Count(int n, string key)
        {
            if (n > 0)
            {
                counts.Add(texts[key, n]);
            }
        }

        var sequences = texts.Count(s.Sequences, "Sequences");
        string line;
        switch (mode)
        {
            case RunMode.Check:
                Count(s.Ok, "Count_Ok");
                Count(s.Drift, "Count_Drift");
                Count(s.CapacityCritical, "Count_CapacityCritical");
                Count(s.CapacityWarning, "Count_CapacityWarning");
                Count(s.Skipped, "Count_Skipped");
                Count(s.Unlinked, "Count_Unlinked");
                Count(s.Error, "Count_Error");
                Count(s.Busy, "Count_Busy");
                line = texts["Summary_Checked", sequences, string.Join(", ", counts)];
                if (s.Collisions > 0)
                {
                    line += texts["Summary_Collisions", texts.Count(s.Collisions, "Sequences")];
                }

                if (s.SkippedCollisions > 0)
                {
                    line += texts["Summary_SkippedCollisions", texts.Count(s.SkippedCollisions, "Sequences")];
                }

                if (s.Repairable > 0)
                {
                    line += report.OnStandby ? texts["Summary_RunFixOnPrimary"] : texts["Summary_RunFix"];
                }

                if (s.Drift > s.Repairable)
                {
                    line += texts["Summary_ByHand", texts.Count(s.Drift - s.Repairable, "Sequences")];
                }

                break;
            case RunMode.DryRun:
                line = texts["Summary_DryRun", texts.Count(report.Planned, "Sequences")];
                break;
            default:
                Count(s.Repaired, "Count_Repaired");
                Count(s.Ok - s.Repaired, "Count_AlreadyFine");
                Count(s.CapacityCritical, "Count_CapacityCritical");
                Count(s.CapacityWarning, "Count_CapacityWarning");
                Count(s.Drift, "Count_LeftInDrift");
                Count(s.Skipped, "Count_Skipped");
                Count(s.Unlinked, "Count_Unlinked");
                Count(s.Error, "Count_Error");
                Count(s.Busy, "Count_Busy");
                line = texts["Summary_Fix", sequences, string.Join(", ", counts)];
                if (report.LongestLockHeld is { } held)
                {
                    line += texts["Summary_LockHeld", held.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture)];
                }

                if (s.Busy > 0)
                {
                    line += texts["Summary_Busy"];
                }

                break;
        }

        if (s.Error > 0)
        {
            line += texts["Summary_Errors"];
        }

        return partial is null ? line : $"{partial} {line}";
    }

    /// <summary>The line that ends a run over several targets: how many were fine, had findings, or failed.</summary>
    public static string TargetsSummary(Texts texts, IReadOnlyList<TargetResult> results)
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

    private static Table Table(IAnsiConsole console, Texts texts, IReadOnlyList<SequenceReport> sequences)
    {
        // Box drawing on a terminal; plain ASCII in logs and pipes, where it survives any encoding.
        var table = new Table().Border(console.Profile.Capabilities.Ansi ? TableBorder.Rounded : TableBorder.Ascii);
        table.AddColumn(texts["Column_Table"]);
        table.AddColumn(texts["Column_Column"]);
        table.AddColumn(texts["Column_Sequence"]);
        table.AddColumn(new TableColumn(texts["Column_Max"]).RightAligned());
        table.AddColumn(new TableColumn(texts["Column_Next"]).RightAligned());
        table.AddColumn(texts["Column_Status"]);
        table.AddColumn(texts["Column_Action"]);
        foreach (var sequence in sequences)
        {
            var columns = sequence.Columns;
            table.AddRow(
                new Text(string.Join('\n', columns.Select(c => c.Table))),
                new Text(string.Join('\n', columns.Select(c => c switch
                {
                    { Measured: false } => texts["NotMeasured", c.Column],
                    { InferredFrom: not null } => texts["InferredColumn", c.Column],
                    _ => c.Column,
                }))),
                new Text(sequence.Sequence.Name),
                new Text(Number(sequence.ColumnExtreme)),
                new Text(NextValue(sequence)),
                Status(texts, sequence),
                new Text(sequence.Action is { } action ? texts.Say(action) : string.Empty));
        }

        return table;
    }

    private static void WriteDetails(IAnsiConsole console, Texts texts, IReadOnlyList<SequenceReport> sequences, bool verbose)
    {
        foreach (var sequence in sequences)
        {
            if (sequence.Status != SequenceStatus.Ok || sequence.Finding is Finding.CycleWrapped or Finding.Rewound || verbose)
            {
                console.Write(Status(texts, sequence));
                console.Write(new Text($" {sequence.Sequence.Name}: {texts.Say(sequence.Reason)}"));
                console.WriteLine();
            }

            if (verbose)
            {
                foreach (var column in sequence.Columns.Where(c => c.Measured && !c.Indexed))
                {
                    console.Write(new Text("  " + texts["Note_Unindexed", column.Table, column.Column]));
                    console.WriteLine();
                }
            }
        }
    }

    private static string NextValue(SequenceReport sequence) =>
        sequence.Repair is { Applied: true, PreviousNextValue: var before }
            ? $"{Number(before)} → {Number(sequence.NextValue)}"
            : Number(sequence.NextValue);

    private static Markup Status(Texts texts, SequenceReport sequence)
    {
        var (label, colour) = sequence switch
        {
            { Finding: Finding.Repaired } => ("Repaired", "green"),
            { Finding: Finding.Rewound } => ("Rewound", "yellow"),
            { Status: SequenceStatus.Ok } => ("Ok", "green"),
            { Status: SequenceStatus.Drift } => ("Drift", "red"),
            { Status: SequenceStatus.Skipped } => ("Skipped", "grey"),
            { Status: SequenceStatus.Unlinked } => ("Unlinked", "grey"),
            { Status: SequenceStatus.Busy } => ("Busy", "yellow"),
            { Status: SequenceStatus.CapacityWarning } => ("CapacityWarning", "yellow"),
            { Status: SequenceStatus.CapacityCritical } => ("CapacityCritical", "red"),
            _ => ("Error", "red"),
        };
        return new Markup($"[{colour}]{Markup.Escape(texts["Status_" + label])}[/]");
    }

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";
}
