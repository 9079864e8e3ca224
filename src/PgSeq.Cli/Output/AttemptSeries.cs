namespace PgSeq.Cli.Output;

/// <summary>serve's record of a target's checks: when the latest attempt ended and how many failed, by reason.</summary>
/// <param name="LastAttemptAt">When the latest attempt ended; null before the first.</param>
/// <param name="Failures">Failed attempts so far per reason, every reason present from the start.</param>
internal sealed record AttemptSeries(DateTimeOffset? LastAttemptAt, IReadOnlyDictionary<string, long> Failures);
