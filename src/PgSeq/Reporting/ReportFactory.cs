using PgSeq.Diagnosis;
using PgSeq.Inspection;
using PgSeq.Probing;
using PgSeq.Repair;

namespace PgSeq.Reporting;

/// <summary>Assembles the public <see cref="SequenceReport"/> from an inspection or a repair decision: the verdict
/// Diagnosis made, the facts it was made from, and what was done. Decides nothing.</summary>
/// <param name="sources">After a migration, each source sequence and its next value by name.</param>
internal sealed class ReportFactory(IReadOnlyDictionary<string, SourcePosition> sources)
{
    /// <summary>The report of a check: the verdict, and for drift the move a fix would make.</summary>
    public SequenceReport Checked(SequenceInspection inspection) =>
        Build(inspection, inspection.Verdict, inspection.State, inspection.Columns?.Extreme) with { Action = Judgement.Advice(inspection.Verdict) };

    /// <summary>The report of one sequence of a fix run, from what the run decided for it.</summary>
    public SequenceReport Fixed(RepairDecision decision) => decision switch
    {
        { Kind: RepairDecisionKind.Planned, Move: { } move, Script: { } script } => Planned(decision.Inspection, move, script),
        { Kind: RepairDecisionKind.Repaired, Result: { } result, Script: { } script } => Repaired(decision, result, script),
        { Kind: RepairDecisionKind.Failed } => Build(
            decision.Inspection, decision.Verdict, decision.Inspection.State, decision.Inspection.Columns?.Extreme) with
        {
            Action = Phrases.LeftUnchanged(),
        },
        _ => Checked(decision.Inspection),
    };

    // A dry run: unchanged state, the move that would be made and its script.
    private SequenceReport Planned(SequenceInspection inspection, SequenceMove move, Func<string> script) =>
        Build(inspection, inspection.Verdict, inspection.State, inspection.Columns?.Extreme) with
        {
            Action = Phrases.WouldMove(inspection.Verdict.NextValue, move.NextValue),
            Repair = new RepairOutcome(script) { PreviousNextValue = inspection.Verdict.NextValue, NextValue = move.NextValue, Applied = false },
        };

    // After a repair transaction: the state it left, as Diagnosis judged it from what the transaction read under its locks.
    private SequenceReport Repaired(RepairDecision decision, RepairResult result, Func<string> script)
    {
        var previousNext = DriftDiagnosis.NextValue(decision.Inspection.Sequence.Definition, result.Before);
        var after = result.Moved is { } moved ? new SequenceState(moved.Value, moved.IsCalled) : result.Before;
        var report = Build(decision.Inspection, decision.Verdict, after, result.Extreme);
        return result.Moved is { } move
            ? report with
            {
                Action = Phrases.Moved(previousNext, move.NextValue),
                Repair = new RepairOutcome(script)
                {
                    PreviousNextValue = previousNext, NextValue = move.NextValue, Applied = true, LockHeld = result.LockedFor,
                },
            }
            : report with
            {
                Repair = new RepairOutcome(script)
                {
                    PreviousNextValue = previousNext, NextValue = previousNext, Applied = false, LockHeld = result.LockedFor,
                },
            };
    }

    private SequenceReport Build(SequenceInspection inspection, Verdict verdict, SequenceState? state, long? extreme) => new()
    {
        Sequence = inspection.Sequence.Definition,
        Columns = inspection.Sequence.Links,
        Status = verdict.Status,
        Finding = verdict.Finding,
        Reason = verdict.Reason,
        LastValue = state?.LastValue,
        IsCalled = state?.IsCalled,
        NextValue = verdict.NextValue,
        ColumnExtreme = extreme,
        BehindBy = verdict.BehindBy,
        NextInsertCollides = verdict.NextInsertCollides,
        Repairable = verdict is { Status: SequenceStatus.Drift, Move: not null },
        Capacity = verdict.Capacity,
        SourceNextValue = sources.TryGetValue(inspection.Sequence.Name, out var source) ? source.NextValue : null,
        Lattice = verdict.Lattice,
    };
}
