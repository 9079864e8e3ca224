using PgSeq.Diagnosis;
using PgSeq.Repair;

namespace PgSeq.Inspection;

/// <summary>Turns inspections and repairs into the public <see cref="SequenceReport"/>.</summary>
internal static class ReportFactory
{
    /// <summary>The report of a check: the verdict, and for drift the move a fix would make.</summary>
    public static SequenceReport Checked(Inspection inspection) => Build(inspection, inspection.Verdict) with
    {
        Action = inspection.Verdict switch
        {
            { Status: SequenceStatus.Drift, Move: { } move } => Phrases.WouldFix(inspection.Verdict.NextValue, move.NextValue),
            { Finding: Finding.CycleCollision } => Phrases.ByHand(),
            _ => null,
        },
    };

    /// <summary>The report of a dry run: unchanged state, the move that would be made and its script.</summary>
    public static SequenceReport Planned(Inspection inspection, SequenceMove move, string script) => Build(inspection, inspection.Verdict) with
    {
        Action = Phrases.WouldMove(inspection.Verdict.NextValue, move.NextValue),
        Repair = new RepairOutcome(inspection.Verdict.NextValue, move.NextValue, Applied: false, script),
    };

    /// <summary>The report after a repair transaction: the state it left, judged again from what it read under its locks.</summary>
    public static SequenceReport Repaired(Inspection inspection, RepairResult result, string script)
    {
        var definition = inspection.Sequence.Definition;
        var previousNext = DriftDiagnosis.NextValue(definition, result.Before);
        var after = result.Moved is { } moved ? new SequenceState(moved.Value, moved.IsCalled) : result.Before;
        var verdict = DriftDiagnosis.Diagnose(definition, after, new ColumnExtremes(result.Extreme, false), RepairPolicy.Default);
        var report = Build(inspection, verdict) with { LastValue = after.LastValue, IsCalled = after.IsCalled, ColumnExtreme = result.Extreme };
        if (result.Moved is not { } move)
        {
            return report with
            {
                Reason = Phrases.MovedConcurrently(verdict.Reason),
                Repair = new RepairOutcome(previousNext, previousNext, Applied: false, script) { LockHeld = result.LockedFor },
            };
        }

        var lowered = definition.Descending ? move.NextValue > previousNext : move.NextValue < previousNext;
        return report with
        {
            Finding = verdict.Status == SequenceStatus.Ok ? (lowered ? Finding.Rewound : Finding.Repaired) : verdict.Finding,
            Reason = verdict.Status != SequenceStatus.Ok ? verdict.Reason
                : lowered ? Phrases.Rewound(previousNext, move.NextValue, verdict.Reason)
                : Phrases.Repaired(previousNext, move.NextValue, verdict.Reason),
            Action = Phrases.Moved(previousNext, move.NextValue),
            Repair = new RepairOutcome(previousNext, move.NextValue, Applied: true, script) { LockHeld = result.LockedFor },
        };
    }

    /// <summary>The report of a sequence whose repair failed or was refused: its state as checked, the failure as verdict.</summary>
    public static SequenceReport Failed(Inspection inspection, Verdict failure) =>
        Build(inspection, failure) with { NextValue = inspection.Verdict.NextValue, Action = Phrases.LeftUnchanged() };

    private static SequenceReport Build(Inspection inspection, Verdict verdict) => new()
    {
        Sequence = inspection.Sequence.Definition,
        Columns = [.. inspection.Sequence.Columns.Select(c => c.Link)],
        Status = verdict.Status,
        Finding = verdict.Finding,
        Reason = verdict.Reason,
        LastValue = inspection.State?.LastValue,
        IsCalled = inspection.State?.IsCalled,
        NextValue = verdict.NextValue,
        ColumnExtreme = inspection.Columns?.Extreme,
        BehindBy = verdict.BehindBy,
        NextInsertCollides = verdict.NextInsertCollides,
    };
}
