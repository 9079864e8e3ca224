using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary>
/// One output of check and fix: the format on standard output (the table, --json, Prometheus, Nagios, --sql) or the
/// --log file. A run opens it for every target, in the order given, before any runs; feeds each target's sequences to
/// that target's <see cref="ITargetSink"/> as they pass (targets run concurrently); tells it when each target is done,
/// in the order given; and ends it once. Adding a format is one more implementation, chosen in <see cref="ReportSinks.For"/>.
/// </summary>
internal interface IReportSink
{
    /// <summary>What takes the sequences of the target at <paramref name="index"/> of the run.</summary>
    ITargetSink Open(int index, Target target);

    /// <summary>A target is done: called in the order given, each as soon as it and those before it are done.</summary>
    void Finished(TargetResult result);

    /// <summary>Every target is done: writes what comes once per run.</summary>
    /// <returns>The run's exit code: <paramref name="exitCode"/> (the worst of the targets'), unless the format has codes of its own.</returns>
    Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode);

    /// <summary>The run could not start: writes the one-line <paramref name="message"/> (and, verbose, the stack trace of
    /// <paramref name="error"/>) and what this output gives instead of a report.</summary>
    /// <returns>The exit code: <paramref name="exitCode"/>, unless the format has codes of its own.</returns>
    int Refused(string message, Exception? error, int exitCode);

    /// <summary>The run was interrupted before any target started: says that nothing was changed.</summary>
    /// <returns>The exit code: <paramref name="exitCode"/>, the signal's.</returns>
    int Interrupted(int exitCode);
}
