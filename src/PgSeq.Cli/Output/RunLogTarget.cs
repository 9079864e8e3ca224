using PgSeq.Cli.Localization;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Output;

/// <summary>
/// One target's lines in the --log file: one per sequence repaired or not ok, as it passes (appended a batch at a
/// time, so a run of 100,000 findings holds at most a batch), then the run's closing line.
/// </summary>
internal sealed class RunLogTarget(RunLog log, string target, RunMode mode)
{
    private const int Batch = 1000;

    private readonly List<string> _pending = [];

    public void Add(SequenceReport sequence)
    {
        if (sequence.Repair is { Applied: true } repair)
        {
            _pending.Add(Event(
                DateTimeOffset.UtcNow,
                "repaired",
                ("sequence", sequence.Sequence.Name),
                ("before", repair.PreviousNextValue),
                ("after", repair.NextValue),
                ("lock_held_ms", Math.Round(repair.LockHeld.TotalMilliseconds, 3))));
        }
        else if (sequence.Status is not SequenceStatus.Ok)
        {
            _pending.Add(Event(
                DateTimeOffset.UtcNow,
                "sequence",
                ("sequence", sequence.Sequence.Name),
                ("status", ReportNames.Of(sequence.Status)),
                ("next_value", sequence.NextValue),
                ("max_value", sequence.ColumnExtreme),
                ("reason", Texts.English.Say(sequence.Reason))));
        }

        if (_pending.Count >= Batch)
        {
            Flush();
        }
    }

    /// <summary>Writes what is left and the closing line: the counts, or the error that ended the run.</summary>
    public void End(TargetResult result)
    {
        if (result is { Error: null, Outline: { } report })
        {
            var s = report.Summary;
            _pending.Add(Event(
                result.Finished,
                result.Interrupted ? "interrupted" : "checked",
                ("database", report.Database),
                ("sequences", s.Sequences),
                ("ok", s.Ok),
                ("drift", s.Drift),
                ("repaired", s.Repaired),
                ("capacity_warning", s.CapacityWarning),
                ("capacity_critical", s.CapacityCritical),
                ("skipped", s.Skipped),
                ("unlinked", s.Unlinked),
                ("error", s.Error),
                ("busy", s.Busy),
                ("not_read", report.NotRead),
                ("exit_code", result.ExitCode)));
        }
        else if (result.Error is null)
        {
            // Interrupted before its report opened: nothing was read.
            _pending.Add(Event(result.Finished, "interrupted", ("exit_code", result.ExitCode)));
        }
        else
        {
            _pending.Add(Event(result.Finished, "error", ("message", result.Error), ("exit_code", result.ExitCode)));
        }

        Flush();
    }

    private void Flush()
    {
        log.TryAppend(_pending);
        _pending.Clear();
    }

    private string Event(DateTimeOffset time, string @event, params (string Key, object? Value)[] fields) =>
        RunLog.Line(time, [("command", Command), ("target", target), ("event", @event), .. fields]);

    private string Command => RunLog.CommandOf(mode);
}
