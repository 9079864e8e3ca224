using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary>One target's part of an output: begun when its report opens, given each sequence as it passes, ended however
/// the run ends. A target whose report never opened (unusable, or failed to connect) is neither begun nor ended.</summary>
internal interface ITargetSink
{
    /// <summary>The target's report has opened: what it is about is known.</summary>
    void Begin(DriftReportReader reader);

    /// <summary>One sequence, checked or repaired.</summary>
    void Add(SequenceReport sequence);

    /// <summary>The run of the target ended: completed, interrupted, or failed with <paramref name="error"/>.</summary>
    void End(ReportOutline outline, bool interrupted, string? error);
}
