using PgSeq.Cutover;
using PgSeq.Inspection;

namespace PgSeq.Reporting;

/// <summary>What a run's report says about all its sequences, counted as they pass so the sequences themselves need not
/// be kept: the summary, the longest lock hold, the cutover comparison, how many sequences are in scope, and whether the
/// run got to its end.</summary>
/// <param name="source">The source database of a migration (empty without one).</param>
/// <param name="scope">How many sequences are in scope, as the catalog counts them.</param>
internal sealed class ReportTotals(MigrationSource source, ScopeProgress scope)
{
    private readonly SummaryCounter _summary = new();
    private readonly CutoverTally _cutover = new(source);

    /// <summary>True once every sequence has passed, or the run was interrupted.</summary>
    public bool Ended { get; private set; }

    /// <summary>True when the run was cancelled before its end.</summary>
    public bool Interrupted { get; private set; }

    public DriftSummary Summary => _summary.Summary;

    /// <summary>The count of sequences in scope, which the inspection fills in from the catalog.</summary>
    public ScopeProgress Scope => scope;

    public TimeSpan? LongestLockHeld => _summary.LongestLockHeld;

    public CutoverComparison? Cutover => _cutover.Comparison;

    /// <summary>Counts one sequence's report.</summary>
    public void Add(SequenceReport report)
    {
        _summary.Add(report);
        _cutover.Add(report);
    }

    /// <summary>True when every sequence could be examined (and repaired): as <see cref="DriftReport.Complete"/>.</summary>
    public bool Complete => DriftReport.IsComplete(Summary);

    /// <summary>The most urgent finding: as <see cref="DriftReport.Attention"/>.</summary>
    public Attention Attention => DriftReport.AttentionOf(Summary, Cutover);

    /// <summary>Marks the end of the run; the first call decides whether it was interrupted.</summary>
    public void End(bool interrupted)
    {
        if (!Ended)
        {
            Ended = true;
            Interrupted = interrupted;
        }
    }
}
