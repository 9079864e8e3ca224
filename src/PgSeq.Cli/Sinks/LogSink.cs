using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary>
/// The --log file: each target's lines appended as its sequences pass, and its closing line when it is done. The file
/// was found writable before the run (<see cref="RunLog.EnsureWritable"/>); should it stop being writable part-way, the
/// run and the report on standard output go on, standard error says so in one line, and the run does not exit 0.
/// </summary>
internal sealed class LogSink(RunLog log, RunMode mode, CliConsole console, Texts texts, IReadOnlyList<string> skipped) : IReportSink
{
    private readonly List<RunLogTarget> _targets = [];

    public ITargetSink Open(int index, Target target)
    {
        var lines = log.For(target.Label, mode);
        _targets.Add(lines);
        return new SequencesOnly(lines.Add);
    }

    public void Finished(TargetResult result) => _targets[result.Index].End(result);

    public Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode)
    {
        // --all-databases never passes over a database without a word.
        var command = RunLog.CommandOf(mode);
        log.TryAppend([.. skipped.Select(database => RunLog.Line(
            DateTimeOffset.UtcNow, [("command", command), ("target", database), ("event", "skipped"), ("reason", "datallowconn_false")]))]);
        if (log.Failure is not { } failure)
        {
            return Task.FromResult(exitCode);
        }

        console.Error.WriteLine(texts["ErrorLine", texts["Log_WriteFailed", log.FilePath, failure.Message.TrimEnd('.')]]);
        return Task.FromResult(exitCode == ExitCodes.Ok ? ExitCodes.Incomplete : exitCode);
    }

    public int Refused(string message, Exception? error, int exitCode) => exitCode;

    public int Interrupted(int exitCode) => exitCode;
}
