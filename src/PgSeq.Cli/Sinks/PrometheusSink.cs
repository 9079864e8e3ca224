using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary><c>--format prometheus</c>: each target's series, kept as its sequences pass (only those
/// <see cref="SeriesSelection"/> exports), written once every target is done; errors follow on standard error.</summary>
internal sealed class PrometheusSink(
    CliConsole console, Texts texts, RunMode mode, SeriesSelection selection, bool verbose, bool single) : IReportSink
{
    private readonly List<ReportSeriesBuilder> _series = [];
    private readonly TargetMessages _messages = new(console, texts, mode, verbose, single);

    public ITargetSink Open(int index, Target target)
    {
        var builder = new ReportSeriesBuilder(selection, repairs: true);
        _series.Add(builder);
        return new SequencesOnly(builder.Add);
    }

    public void Finished(TargetResult result)
    {
    }

    public async Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode)
    {
        await PrometheusReport.WriteAsync(console.Out, [.. results.Select(r => (r, _series[r.Index]))]);
        foreach (var result in results)
        {
            _messages.Error(result);
        }

        return exitCode;
    }

    public int Refused(string message, Exception? error, int exitCode)
    {
        _messages.RunError(message, error);
        return exitCode;
    }

    public int Interrupted(int exitCode)
    {
        _messages.NothingDone();
        return exitCode;
    }
}
