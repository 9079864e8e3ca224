using PgSeq.Cli.Connection;

namespace PgSeq.Cli.Targets;

/// <summary>What running check or fix on one target produced.</summary>
/// <param name="Index">The target's position in the run, in the order given.</param>
/// <param name="Label">The target, as messages name it.</param>
/// <param name="Connection">Its connection, when it could be resolved.</param>
/// <param name="Outline">The report's totals; over the sequences read when <paramref name="Interrupted"/> or failed
/// part-way; null when the run failed before its first sequence.</param>
/// <param name="Error">The one-line error when the run failed.</param>
/// <param name="ExitCode">The exit code this target alone would give.</param>
/// <param name="Interrupted">Whether Ctrl-C or SIGTERM stopped the run.</param>
/// <param name="Finished">When the run ended.</param>
/// <param name="Exception">The failure, for --verbose.</param>
internal sealed record TargetResult(
    int Index,
    string Label,
    ConnectionTarget? Connection,
    ReportOutline? Outline,
    string? Error,
    int ExitCode,
    bool Interrupted,
    DateTimeOffset Finished,
    Exception? Exception = null);
