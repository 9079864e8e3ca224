using Prometheus;

namespace PgSeq.Cli.Output;

/// <summary>
/// Turns the targets' series into a prometheus-net registry, the one code path behind <c>--format prometheus</c> and
/// <c>pgseq serve</c>, so that both export the same families and labels and the library does the escaping. A family
/// appears only when it has samples. Help texts hold no backslash or line break: prometheus-net writes them as they are.
/// </summary>
internal static class SeriesRegistry
{
    private static readonly string[] TargetLabels = ["server", "database"];
    private static readonly string[] SequenceLabels = ["server", "database", "sequence", "table", "column"];
    private static readonly SequenceStatus[] Statuses = Enum.GetValues<SequenceStatus>();

    private static readonly (string Name, string Help, Func<SequenceSeries, double?> Value)[] SequenceFamilies =
    [
        ("pgseq_next_value", "The value the next nextval() returns.", s => s.NextValue),
        ("pgseq_source_next_value", "After a migration (--from): the value the source database's sequence of the same name returns next.",
            s => s.SourceNextValue),
        ("pgseq_column_max_value", "MAX over the columns the sequence feeds (MIN for a descending sequence).", s => s.ColumnMax),
        ("pgseq_drift", "1 when the sequence will hand out a value that already exists, else 0.", s => s.Status == SequenceStatus.Drift ? 1 : 0),
        ("pgseq_next_insert_collides", "1 when the very next insert fails with a duplicate key, else 0.", s => s.NextInsertCollides ? 1 : 0),
        ("pgseq_behind_by", "How far the sequence lags its data, in values (0 when it does not).", s => s.BehindBy),
        ("pgseq_capacity_used_ratio", "Share of the sequence's range used, up to the narrower of its own limit and its columns' type.",
            s => s.UsedRatio),
        ("pgseq_capacity_remaining", "Values nextval() can still hand out before the limit.", s => s.Remaining),
        ("pgseq_repaired", "1 when this run moved the sequence, else 0.", s => s.Repaired is { } repaired ? repaired ? 1 : 0 : null),
    ];

    /// <summary>The registry for <paramref name="targets"/>; <paramref name="version"/>, when given, adds pgseq_build_info.</summary>
    public static CollectorRegistry Build(IReadOnlyList<TargetSeries> targets, string? version)
    {
        var registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(registry);
        if (version is not null)
        {
            factory.CreateGauge(
                "pgseq_build_info", "Always 1; the version label says which pgseq is running.", ["version"]).WithLabels(version).Set(1);
        }

        Gauge(factory, "pgseq_check_success", "1 when the latest check examined every sequence, else 0.", TargetLabels,
            targets.Where(t => t.Success is not null).Select(t => (Labels(t), t.Success == true ? 1.0 : 0)));
        Gauge(factory, "pgseq_check_timestamp_seconds", "When the exported results were taken, as Unix time.", TargetLabels,
            targets.Where(t => t.CheckedAt is not null).Select(t => (Labels(t), Seconds(t.CheckedAt!.Value))));
        Gauge(factory, "pgseq_check_duration_seconds", "How long the check behind the exported results took.", TargetLabels,
            targets.Where(t => t.Report?.Duration is not null).Select(t => (Labels(t), t.Report!.Duration!.Value.TotalSeconds)));
        Gauge(factory, "pgseq_last_attempt_timestamp_seconds", "When the latest check attempt ended, successful or not, as Unix time.", TargetLabels,
            targets.Where(t => t.Attempts?.LastAttemptAt is not null).Select(t => (Labels(t), Seconds(t.Attempts!.LastAttemptAt!.Value))));
        Counter(factory, "pgseq_check_failures_total", "Check attempts that failed or could not examine every sequence, by reason.",
            [.. TargetLabels, "reason"],
            targets.Where(t => t.Attempts is not null).SelectMany(
                t => t.Attempts!.Failures.Select(f => ((string[])[.. Labels(t), f.Key], (double)f.Value))));
        Gauge(factory, "pgseq_sequences", "Sequences by status, over every sequence checked.", [.. TargetLabels, "status"],
            targets.Where(t => t.Report is not null).SelectMany(
                t => Statuses.Select(status => ((string[])[.. Labels(t), ReportNames.Of(status)], (double)t.Report!.StatusCounts[(int)status]))));

        var sequences = targets.Where(t => t.Report is not null).SelectMany(
            t => t.Report!.Sequences.Select(s => (Labels: Labels(t, s), Series: s))).ToList();
        Gauge(factory, "pgseq_sequence_status", "1 for the status the sequence has (one series per status).", [.. SequenceLabels, "status"],
            sequences.SelectMany(
                s => Statuses.Select(status => ((string[])[.. s.Labels, ReportNames.Of(status)], s.Series.Status == status ? 1.0 : 0))));
        foreach (var (name, help, value) in SequenceFamilies)
        {
            Gauge(factory, name, help, SequenceLabels,
                sequences.Select(s => (s.Labels, Value: value(s.Series))).Where(s => s.Value is not null).Select(s => (s.Labels, s.Value!.Value)));
        }

        return registry;
    }

    private static void Gauge(
        MetricFactory factory, string name, string help, string[] labels, IEnumerable<(string[] Labels, double Value)> samples) =>
        Add(samples, () => factory.CreateGauge(name, help, labels), (gauge, values, value) => gauge.WithLabels(values).Set(value));

    private static void Counter(
        MetricFactory factory, string name, string help, string[] labels, IEnumerable<(string[] Labels, double Value)> samples) =>
        Add(samples, () => factory.CreateCounter(name, help, labels), (counter, values, value) => counter.WithLabels(values).IncTo(value));

    // The family is created with its first sample, so that one without samples is not exported at all.
    private static void Add<TMetric>(
        IEnumerable<(string[] Labels, double Value)> samples, Func<TMetric> create, Action<TMetric, string[], double> record)
        where TMetric : class
    {
        TMetric? metric = null;
        foreach (var (labels, value) in samples)
        {
            metric ??= create();
            record(metric, labels, value);
        }
    }

    private static string[] Labels(TargetSeries target) => [target.Server, target.Database];

    private static string[] Labels(
        TargetSeries target, SequenceSeries sequence) => [target.Server, target.Database, sequence.Sequence, sequence.Table, sequence.Column];

    private static double Seconds(DateTimeOffset time) => time.ToUnixTimeMilliseconds() / 1000.0;
}
