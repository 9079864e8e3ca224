using PgSeq.Cli.Targets;
using Prometheus;

namespace PgSeq.Cli.Output;

/// <summary>
/// <c>--format prometheus</c>: the text exposition format for node_exporter's textfile collector, with the families and
/// labels <c>pgseq serve</c> exports (server, database; per sequence also sequence and the first table and column it
/// feeds), and per-sequence series for the sequences <see cref="SeriesSelection"/> picks.
/// </summary>
internal static class PrometheusReport
{
    public static async Task WriteAsync(TextWriter writer, IReadOnlyList<TargetResult> results, SeriesSelection selection)
    {
        var targets = results.Select(result =>
        {
            var (server, database) = TargetSeries.LabelsOf(result.Label, result.Connection);
            var report = result.Report is { } r ? ReportSeries.Select(r, selection, repairs: true, result.Finished, duration: null) : null;
            var success = result.Report is { Complete: true } && !result.Interrupted;
            return new TargetSeries(server, result.Report?.Database ?? database, success, result.Finished, report, null);
        }).ToList();
        await using var stream = new TextWriterStream(writer);
        await SeriesRegistry.Build(targets, version: null).CollectAndExportAsTextAsync(stream, ExpositionFormat.PrometheusText);
    }
}
