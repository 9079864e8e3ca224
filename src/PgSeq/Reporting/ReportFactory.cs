using PgSeq.Diagnosis;
using PgSeq.Inspection;
using PgSeq.Probing;
using PgSeq.Repair;
using PgSeq.Session;

namespace PgSeq.Reporting;

/// <summary>Turns inspections and repair decisions into the public <see cref="SequenceReport"/>, with the capacity of each sequence.</summary>
internal sealed class ReportFactory(CheckOptions options, IReadOnlyDictionary<string, long> floors)
{
    /// <summary>The report of a check: the verdict, and for drift the move a fix would make.</summary>
    public SequenceReport Checked(SequenceInspection inspection) =>
        Build(inspection, inspection.Verdict, inspection.State, inspection.Columns?.Extreme) with
        {
            Action = inspection.Verdict switch
            {
                { Status: SequenceStatus.Drift, Move: { } move } => Phrases.WouldFix(inspection.Verdict.NextValue, move.NextValue),
                { Finding: Finding.CycleCollision } => Phrases.ByHand(),
                _ => null,
            },
        };

    /// <summary>The report of one sequence of a fix run, from what the run decided for it.</summary>
    public SequenceReport Fixed(RepairDecision decision) => decision switch
    {
        { Kind: RepairDecisionKind.Planned, Move: { } move, Script: { } script } => Planned(decision.Inspection, move, script),
        { Kind: RepairDecisionKind.Repaired, Result: { } result, Script: { } script } => Repaired(decision.Inspection, result, script),
        { Kind: RepairDecisionKind.Failed, Failure: { } failure } => Failed(decision.Inspection, failure),
        _ => Checked(decision.Inspection),
    };

    // A dry run: unchanged state, the move that would be made and its script.
    private SequenceReport Planned(SequenceInspection inspection, SequenceMove move, Func<string> script) =>
        Build(inspection, inspection.Verdict, inspection.State, inspection.Columns?.Extreme) with
        {
            Action = Phrases.WouldMove(inspection.Verdict.NextValue, move.NextValue),
            Repair = new RepairOutcome(script) { PreviousNextValue = inspection.Verdict.NextValue, NextValue = move.NextValue, Applied = false },
        };

    // After a repair transaction: the state it left, judged again from what it read under its locks.
    private SequenceReport Repaired(SequenceInspection inspection, RepairResult result, Func<string> script)
    {
        var definition = inspection.Sequence.Definition;
        var previousNext = DriftDiagnosis.NextValue(definition, result.Before);
        var after = result.Moved is { } moved ? new SequenceState(moved.Value, moved.IsCalled) : result.Before;
        var verdict = DriftDiagnosis.Diagnose(definition, after, new ColumnExtremes(result.Extreme, false), RepairPolicy.Default,
            applicationAllocates: inspection.Sequence.ApplicationAllocates);
        var report = Build(inspection, verdict, after, result.Extreme);
        if (result.Moved is not { } move)
        {
            return report with
            {
                Reason = Phrases.MovedConcurrently(report.Reason),
                Repair = new RepairOutcome(script) { PreviousNextValue = previousNext, NextValue = previousNext, Applied = false, LockHeld = result.LockedFor },
            };
        }

        var lowered = definition.Descending ? move.NextValue > previousNext : move.NextValue < previousNext;
        return report with
        {
            Finding = report.Status != SequenceStatus.Ok ? report.Finding : lowered ? Finding.Rewound : Finding.Repaired,
            Reason = verdict.Status != SequenceStatus.Ok ? report.Reason
                : lowered ? Phrases.Rewound(previousNext, move.NextValue, report.Reason)
                : Phrases.Repaired(previousNext, move.NextValue, report.Reason),
            Action = Phrases.Moved(previousNext, move.NextValue),
            Repair = new RepairOutcome(script) { PreviousNextValue = previousNext, NextValue = move.NextValue, Applied = true, LockHeld = result.LockedFor },
        };
    }

    // A sequence whose repair failed or was refused: its state as checked, the failure as verdict.
    private SequenceReport Failed(SequenceInspection inspection, Failure failure) =>
        Build(inspection, Verdict.Failed(failure, inspection.Verdict.NextValue), inspection.State, inspection.Columns?.Extreme) with
        {
            Action = Phrases.LeftUnchanged(),
        };

    // An otherwise healthy (or unmeasurable) sequence that is running out of range takes the capacity status; drift,
    // errors and busy sequences keep theirs, with the capacity still in the report. A link inferred from the name says so.
    private SequenceReport Build(SequenceInspection inspection, Verdict verdict, SequenceState? state, long? extreme)
    {
        var report = Assess(inspection, verdict, state, extreme);
        return inspection.Sequence.Inferred && inspection.Sequence.Columns[0] is var first
            ? report with { Reason = Phrases.InferredLink(report.Reason, first.Link.InferredFrom!, first.QualifiedName) }
            : report;
    }

    private SequenceReport Assess(SequenceInspection inspection, Verdict verdict, SequenceState? state, long? extreme)
    {
        var report = new SequenceReport
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
            SourceNextValue = floors.TryGetValue(inspection.Sequence.Name, out var source) ? source : null,
        };
        if (state is not { } known)
        {
            return report;
        }

        var ranges = inspection.Sequence.MeasuredColumns
            .Where(c => c.Range is not null)
            .Select(c => new ColumnRange(c.Table, c.ColumnIdentifier, c.Range!));
        var (capacity, explanation) = CapacityAssessment.Assess(inspection.Sequence.Definition, known, extreme, ranges, options.CapacityWarning, options.CapacityCritical);
        report = report with { Capacity = capacity };
        return (verdict.Status, capacity.Level) switch
        {
            (SequenceStatus.Ok or SequenceStatus.Skipped, CapacityLevel.Critical) =>
                report with { Status = SequenceStatus.CapacityCritical, Finding = Finding.CapacityCritical, Reason = explanation },
            (SequenceStatus.Ok or SequenceStatus.Skipped, CapacityLevel.Warning) =>
                report with { Status = SequenceStatus.CapacityWarning, Finding = Finding.CapacityWarning, Reason = explanation },
            _ => report,
        };
    }
}
