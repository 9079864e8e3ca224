using System.Globalization;
using System.Text;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Output;

/// <summary>
/// Prometheus text exposition format, for node_exporter's textfile collector: one gauge family per figure, labelled
/// by server, database, sequence and the table and column the sequence feeds (its first one when it feeds several).
/// </summary>
internal static class PrometheusReport
{
    private static readonly (string Name, string Help, Func<SequenceReport, double?> Value)[] Families =
    [
        ("pgseq_next_value", "The value the next nextval() returns.", s => s.NextValue),
        ("pgseq_source_next_value", "After a migration (--from): the value the source database's sequence of the same name returns next.", s => s.SourceNextValue),
        ("pgseq_column_max_value", "MAX over the columns the sequence feeds (MIN for a descending sequence).", s => s.ColumnExtreme),
        ("pgseq_drift", "1 when the sequence will hand out a value that already exists, else 0.", s => s.Status == SequenceStatus.Drift ? 1 : 0),
        ("pgseq_next_insert_collides", "1 when the very next insert fails with a duplicate key, else 0.", s => s.NextInsertCollides ? 1 : 0),
        ("pgseq_behind_by", "How far the sequence lags its data, in values (0 when it does not).", s => s.BehindBy ?? 0),
        ("pgseq_capacity_used_ratio", "Share of the sequence's range used, up to the narrower of its own limit and its columns' type.", s => s.Capacity?.UsedRatio),
        ("pgseq_capacity_remaining", "Values nextval() can still hand out before the limit.", s => s.Capacity?.Remaining),
        ("pgseq_repaired", "1 when this run moved the sequence, else 0.", s => s.Repair?.Applied == true ? 1 : 0),
    ];

    private static readonly SequenceStatus[] Statuses = Enum.GetValues<SequenceStatus>();

    public static void Write(TextWriter writer, IReadOnlyList<TargetResult> results)
    {
        var text = new StringBuilder();
        Family(text, "pgseq_check_success", "1 when pgseq could examine the database, else 0.");
        foreach (var result in results)
        {
            Sample(text, "pgseq_check_success", Labels(result), result.Report is not null && result.Report.Complete && !result.Interrupted ? 1 : 0);
        }

        Family(text, "pgseq_check_timestamp_seconds", "When the check ended, as Unix time.");
        foreach (var result in results)
        {
            Sample(text, "pgseq_check_timestamp_seconds", Labels(result), result.Finished.ToUnixTimeMilliseconds() / 1000.0);
        }

        Family(text, "pgseq_sequences", "Sequences by status.");
        foreach (var result in results.Where(r => r.Report is not null))
        {
            foreach (var status in Statuses)
            {
                Sample(text, "pgseq_sequences", [.. Labels(result), ("status", Name(status))], result.Report!.Sequences.Count(s => s.Status == status));
            }
        }

        Family(text, "pgseq_sequence_status", "1 for the status the sequence has (one series per status).");
        foreach (var (result, sequence) in Sequences(results))
        {
            foreach (var status in Statuses)
            {
                Sample(text, "pgseq_sequence_status", [.. Labels(result, sequence), ("status", Name(status))], sequence.Status == status ? 1 : 0);
            }
        }

        foreach (var (name, help, value) in Families)
        {
            Family(text, name, help);
            foreach (var (result, sequence) in Sequences(results))
            {
                if (value(sequence) is { } number)
                {
                    Sample(text, name, Labels(result, sequence), number);
                }
            }
        }

        writer.Write(text.ToString());
    }

    private static IEnumerable<(TargetResult Result, SequenceReport Sequence)> Sequences(IReadOnlyList<TargetResult> results) =>
        results.Where(r => r.Report is not null).SelectMany(r => r.Report!.Sequences.Select(s => (r, s)));

    private static (string, string)[] Labels(TargetResult result)
    {
        var settings = result.Connection?.Settings;
        return [("server", settings is null ? result.Label : $"{settings.Host}:{settings.Port}"), ("database", result.Report?.Database ?? settings?.Database ?? string.Empty)];
    }

    private static (string, string)[] Labels(TargetResult result, SequenceReport sequence)
    {
        var first = sequence.Columns.Count > 0 ? sequence.Columns[0] : null;
        return [.. Labels(result), ("sequence", sequence.Sequence.Name), ("table", first?.Table ?? string.Empty), ("column", first?.Column ?? string.Empty)];
    }

    private static void Family(StringBuilder text, string name, string help) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append("\n# TYPE ").Append(name).Append(" gauge\n");

    private static void Sample(StringBuilder text, string name, IEnumerable<(string Name, string Value)> labels, double value)
    {
        text.Append(name).Append('{');
        text.AppendJoin(',', labels.Select(l => $"{l.Name}=\"{Escape(l.Value)}\""));
        text.Append("} ").Append(value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
    }

    // The exposition format escapes exactly these three in label values.
    private static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    private static string Name(SequenceStatus status) => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(status.ToString());
}
