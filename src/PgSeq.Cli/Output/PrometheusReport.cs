using PgSeq.Cli.Targets;
using Prometheus;

namespace PgSeq.Cli.Output;

/// <summary>
/// <c>--format prometheus</c>: the text exposition format for node_exporter's textfile collector, with the families and
/// labels <c>pgseq serve</c> exports (server, database; per sequence also sequence and the first table and column it
/// feeds), and per-sequence series for the sequences <see cref="SeriesSelection"/> picks (each target's
/// <see cref="ReportSeriesBuilder"/> kept them as they passed).
/// </summary>
internal static class PrometheusReport
{
    public static async Task WriteAsync(
        TextWriter writer, IReadOnlyList<(TargetResult Result, ReportSeriesBuilder Series)> results, IReadOnlyList<string> skipped)
    {
        var targets = results.Select(pair =>
        {
            var (result, builder) = pair;
            var (server, database) = TargetSeries.LabelsOf(result.Label, result.Connection);
            var report = result.Outline is { } outline ? builder.Build(outline.Database, result.Finished, duration: null) : null;
            var success = result is { Outline.Complete: true, Error: null, Interrupted: false };
            return new TargetSeries(server, result.Outline?.Database ?? database, success, result.Finished, report, null);
        }).ToList();
        // Comments, which parsers skip, say what the series cannot: databases left out, what an interrupted target left unread.
        foreach (var database in skipped)
        {
            await writer.WriteLineAsync($"# pgseq: skipped {database}: it does not allow connections");
        }

        foreach (var (result, _) in results.Where(pair => pair.Result is { Interrupted: true, Outline: { } }))
        {
            var (read, inScope, notRead) = (result.Outline!.Summary.Sequences, result.Outline.SequencesInScope, result.Outline.NotRead);
            await writer.WriteLineAsync($"# pgseq: {result.Label}: interrupted after {read} of {inScope} sequences, {notRead} not read");
        }

        await using var stream = new TextWriterStream(writer);
        await SeriesRegistry.Build(targets, version: null).CollectAndExportAsTextAsync(stream, ExpositionFormat.PrometheusText);
    }
}
