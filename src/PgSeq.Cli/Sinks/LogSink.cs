using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary>The --log file: each target's lines appended as its sequences pass, and its closing line when it is done.</summary>
internal sealed class LogSink(RunLog log, RunMode mode) : IReportSink
{
    private readonly List<RunLogTarget> _targets = [];

    public ITargetSink Open(int index, Target target)
    {
        var lines = log.For(target.Label, mode);
        _targets.Add(lines);
        return new SequencesOnly(lines.Add);
    }

    public void Finished(TargetResult result) => _targets[result.Index].End(result);

    public Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode) => Task.FromResult(exitCode);

    public int Refused(string message, Exception? error, int exitCode) => exitCode;

    public int Interrupted(int exitCode) => exitCode;
}
