using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary>A target's part of an output that only keeps its sequences (what it prints comes when the target or run ends).</summary>
/// <param name="add">Takes one sequence.</param>
internal sealed class SequencesOnly(Action<SequenceReport> add) : ITargetSink
{
    public void Begin(DriftReportReader reader)
    {
    }

    public void Add(SequenceReport sequence) => add(sequence);

    public void End(ReportOutline outline, bool interrupted, string? error)
    {
    }
}
