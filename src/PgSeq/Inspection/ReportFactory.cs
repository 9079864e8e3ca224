using PgSeq.Diagnosis;
using PgSeq.Repair;

namespace PgSeq.Inspection;

/// <summary>Turns inspections and repairs into the public <see cref="SequenceReport"/>, with the capacity of each sequence.</summary>
internal sealed class ReportFactory(CheckOptions options, IReadOnlyDictionary<string, long> floors)
{
    /// <summary>The report of a check: the verdict, and for drift the move a fix would make.</summary>
    public SequenceReport Checked(Inspection inspection) =>
        Build(inspection, inspection.Verdict, inspection.State, inspection.Columns?.Extreme) with
        {
            Action = inspection.Verdict switch
            {
                { Status: SequenceStatus.Drift, Move: not null } when inspection.Sequence.Inferred => Phrases.InferredNotMoved(),
                { Status: SequenceStatus.Drift, Move: { } move } => Phrases.WouldFix(inspection.Verdict.NextValue, move.NextValue),
                { Finding: Finding.CycleCollision } => Phrases.ByHand(),
                _ => null,
            },
        };

    /// <summary>The report of a dry run: unchanged state, the move that would be made and its script.</summary>
    public SequenceReport Planned(Inspection inspection, SequenceMove move, Func<string> script) =>
        Build(inspection, inspection.Verdict, inspection.State, inspection.Columns?.Extreme) with
        {
            Action = Phrases.WouldMove(inspection.Verdict.NextValue, move.NextValue),
            Repair = new RepairOutcome(inspection.Verdict.NextValue, move.NextValue, applied: false, script),
        };

    /// <summary>The report after a repair transaction: the state it left, judged again from what it read under its locks.</summary>
    public SequenceReport Repaired(Inspection inspection, RepairResult result, Func<string> script)
    {
        var definition = inspection.Sequence.Definition;
        var previousNext = DriftDiagnosis.NextValue(definition, result.Before);
        var after = result.Moved is { } moved ? new SequenceState(moved.Value, moved.IsCalled) : result.Before;
        var verdict = DriftDiagnosis.Diagnose(definition, after, new ColumnExtremes(result.Extreme, false), RepairPolicy.Default);
        var report = Build(inspection, verdict, after, result.Extreme);
        if (result.Moved is not { } move)
        {
            return report with
            {
                Reason = Phrases.MovedConcurrently(report.Reason),
                Repair = new RepairOutcome(previousNext, previousNext, applied: false, script) { LockHeld = result.LockedFor },
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
            Repair = new RepairOutcome(previousNext, move.NextValue, applied: true, script) { LockHeld = result.LockedFor },
        };
    }

    /// <summary>The report of a sequence whose repair failed or was refused: its state as checked, the failure as verdict.</summary>
    public SequenceReport Failed(Inspection inspection, Verdict failure) =>
        Build(inspection, failure, inspection.State, inspection.Columns?.Extreme) with
        {
            NextValue = inspection.Verdict.NextValue,
            Action = Phrases.LeftUnchanged(),
        };

    // An otherwise healthy (or unmeasurable) sequence that is running out of range takes the capacity status; drift,
    // errors and busy sequences keep theirs, with the capacity still in the report.
    private SequenceReport Build(Inspection inspection, Verdict verdict, SequenceState? state, long? extreme)
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
            SourceNextValue = floors.TryGetValue(inspection.Sequence.Name, out var source) ? source : null,
        };
        if (state is not { } known)
        {
            return report;
        }

        var (capacity, explanation) = CapacityAssessment.Assess(
            inspection.Sequence.Definition, known, extreme, inspection.Sequence.MeasuredColumns, options.CapacityWarning, options.CapacityCritical);
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
