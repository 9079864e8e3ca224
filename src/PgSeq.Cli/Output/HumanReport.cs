using System.Globalization;
using Spectre.Console;

namespace PgSeq.Cli.Output;

/// <summary>The report as a table in the spirit of the incident report, the reasons behind it, and a summary line.</summary>
internal static class HumanReport
{
    public static void Write(IAnsiConsole console, DriftReport report, RunMode mode, string target, bool verbose)
    {
        console.Write(new Text($"{Command(mode)}: {target} (PostgreSQL {report.ServerVersion.Split(' ')[0]})"));
        console.WriteLine();
        if (report.Sequences.Count > 0)
        {
            console.WriteLine();
            console.Write(Table(console, report));
            WriteDetails(console, report, verbose);
        }

        console.WriteLine();
        console.Write(new Text(Summary(report, mode)));
        console.WriteLine();
    }

    /// <summary>The line that ends the report: what was found or done, and what to do next.</summary>
    public static string Summary(DriftReport report, RunMode mode)
    {
        var s = report.Summary;
        if (s.Sequences == 0)
        {
            return "No sequence feeds a table column in scope: nothing to check.";
        }

        var counts = new List<string>();
        void Count(int n, string what)
        {
            if (n > 0)
            {
                counts.Add($"{n} {what}");
            }
        }

        string line;
        switch (mode)
        {
            case RunMode.Check:
                Count(s.Ok, "ok");
                Count(s.Drift, "drift");
                Count(s.Skipped, "skipped");
                Count(s.Error, "error");
                Count(s.Busy, "busy");
                line = $"{Plural(s.Sequences, "sequence")} checked: {string.Join(", ", counts)}.";
                if (s.Collisions > 0)
                {
                    line += $" The very next insert fails for {Plural(s.Collisions, "sequence")}.";
                }

                if (s.Drift > 0)
                {
                    line += " Run `pgseq fix` to repair.";
                }

                break;
            case RunMode.DryRun:
                var planned = report.Sequences.Count(r => r.Repair is { Applied: false });
                line = $"{Plural(planned, "sequence")} would be repaired; nothing was changed (dry run).";
                break;
            default:
                Count(s.Repaired, "repaired");
                Count(s.Ok - s.Repaired, "already fine");
                Count(s.Drift, "left in drift");
                Count(s.Skipped, "skipped");
                Count(s.Error, "error");
                Count(s.Busy, "busy");
                line = $"{Plural(s.Sequences, "sequence")}: {string.Join(", ", counts)}.";
                if (s.Busy > 0)
                {
                    line += " Busy sequences were left unchanged; run fix again when the locks are free.";
                }

                break;
        }

        if (s.Error > 0)
        {
            line += " See the reasons above for the sequences in error.";
        }

        return line;
    }

    private static string Command(RunMode mode) => mode switch
    {
        RunMode.Check => "pgseq check",
        RunMode.DryRun => "pgseq fix --dry-run",
        _ => "pgseq fix",
    };

    private static Table Table(IAnsiConsole console, DriftReport report)
    {
        // Box drawing on a terminal; plain ASCII in logs and pipes, where it survives any encoding.
        var table = new Table().Border(console.Profile.Capabilities.Ansi ? TableBorder.Rounded : TableBorder.Ascii);
        table.AddColumn("Table");
        table.AddColumn("Column");
        table.AddColumn("Sequence");
        table.AddColumn(new TableColumn("MAX").RightAligned());
        table.AddColumn(new TableColumn("Next value").RightAligned());
        table.AddColumn("Status");
        table.AddColumn("Action");
        foreach (var sequence in report.Sequences)
        {
            var columns = sequence.Columns;
            table.AddRow(
                new Text(string.Join('\n', columns.Select(c => c.Table))),
                new Text(string.Join('\n', columns.Select(c => c.Measured ? c.Column : $"{c.Column} (not measured)"))),
                new Text(sequence.Sequence.Name),
                new Text(Number(sequence.ColumnExtreme)),
                new Text(NextValue(sequence)),
                Status(sequence),
                new Text(sequence.Action ?? string.Empty));
        }

        return table;
    }

    private static void WriteDetails(IAnsiConsole console, DriftReport report, bool verbose)
    {
        foreach (var sequence in report.Sequences)
        {
            if (sequence.Status != SequenceStatus.Ok || sequence.Finding is Finding.CycleWrapped or Finding.Rewound || verbose)
            {
                console.Write(Status(sequence));
                console.Write(new Text($" {sequence.Sequence.Name}: {sequence.Reason}"));
                console.WriteLine();
            }

            if (verbose)
            {
                foreach (var column in sequence.Columns.Where(c => c.Measured && !c.Indexed))
                {
                    console.Write(new Text($"  note: {column.Table}.{column.Column} has no index leading with it, so MAX() reads the whole table"));
                    console.WriteLine();
                }
            }
        }
    }

    private static string NextValue(SequenceReport sequence) =>
        sequence.Repair is { Applied: true, PreviousNextValue: var before }
            ? $"{Number(before)} → {Number(sequence.NextValue)}"
            : Number(sequence.NextValue);

    private static Markup Status(SequenceReport sequence)
    {
        var (label, colour) = sequence switch
        {
            { Finding: Finding.Repaired } => ("repaired", "green"),
            { Finding: Finding.Rewound } => ("rewound", "yellow"),
            { Status: SequenceStatus.Ok } => ("ok", "green"),
            { Status: SequenceStatus.Drift } => ("drift", "red"),
            { Status: SequenceStatus.Skipped } => ("skipped", "grey"),
            { Status: SequenceStatus.Busy } => ("busy", "yellow"),
            _ => ("error", "red"),
        };
        return new Markup($"[{colour}]{label}[/]");
    }

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? string.Empty : "s")}";
}
