using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary>
/// <c>--format prometheus</c>: each target's series, kept as its sequences pass (only those
/// <see cref="SeriesSelection"/> exports), written once every target is done; errors follow on standard error. The
/// metrics carry the verdict (drift, a target that could not be checked), so the exit code says only whether they are
/// all there: 0 when the exposition is whole, which a textfile collector's <c>&gt; file.tmp &amp;&amp; mv</c> then
/// installs, also when it reports a problem; 1 when none could be written; the signal's code when interrupted.
/// </summary>
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
        await PrometheusReport.WriteAsync(Console.Out, [.. results.Select(r => (r, _series[r.Index]))], Skipped);
        await base.EndAsync(results, exitCode);
        return results.Any(r => r.Interrupted) ? exitCode : ExitCodes.Ok;
    }
}
