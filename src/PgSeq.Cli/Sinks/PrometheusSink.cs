using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary><c>--format prometheus</c>: each target's series, kept as its sequences pass (only those
/// <see cref="SeriesSelection"/> exports), written once every target is done; errors follow on standard error.</summary>
internal sealed class PrometheusSink(CliConsole console, Texts texts, RunMode mode, SeriesSelection selection, bool verbose, bool single)
    : ReportSink(console, texts, mode, verbose, single)
{
    private readonly List<ReportSeriesBuilder> _series = [];

    public override ITargetSink Open(int index, Target target)
    {
        var builder = new ReportSeriesBuilder(selection, repairs: true);
        _series.Add(builder);
        return new SequencesOnly(builder.Add);
    }

    public override async Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode)
    {
        await PrometheusReport.WriteAsync(Console.Out, [.. results.Select(r => (r, _series[r.Index]))]);
        return await base.EndAsync(results, exitCode);
    }
}
