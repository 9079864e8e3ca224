using System.Globalization;
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
            { Status: SequenceStatus.Drift, Move: { } move } => $"fix: next value {Format(inspection.Verdict.NextValue)} → {Format(move.NextValue)}",
            { Finding: Finding.CycleCollision } => "setval() by hand",
            _ => null,
        },
    };

    /// <summary>The report of a dry run: unchanged state, the move that would be made and its script.</summary>
    public static SequenceReport Planned(Inspection inspection, SequenceMove move, string script) => Build(inspection, inspection.Verdict) with
    {
        Action = $"would move next value {Format(inspection.Verdict.NextValue)} → {Format(move.NextValue)}",
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
                Reason = verdict.Reason + " once locked (another session moved it); left unchanged",
                Repair = new RepairOutcome(previousNext, previousNext, Applied: false, script) { LockHeld = result.LockedFor },
            };
        }

        var lowered = definition.Descending ? move.NextValue > previousNext : move.NextValue < previousNext;
        return report with
        {
            Finding = verdict.Status == SequenceStatus.Ok ? (lowered ? Finding.Rewound : Finding.Repaired) : verdict.Finding,
            Reason = verdict.Status == SequenceStatus.Ok
                ? $"{(lowered ? "lowered" : "moved")} from next value {Format(previousNext)} to {Format(move.NextValue)}; {verdict.Reason}"
                : verdict.Reason,
            Action = $"next value {Format(previousNext)} → {Format(move.NextValue)}",
            Repair = new RepairOutcome(previousNext, move.NextValue, Applied: true, script) { LockHeld = result.LockedFor },
        };
    }

    /// <summary>The report of a sequence whose repair failed or was refused: its state as checked, the failure as verdict.</summary>
    public static SequenceReport Failed(Inspection inspection, Verdict failure) =>
        Build(inspection, failure) with { NextValue = inspection.Verdict.NextValue, Action = "left unchanged" };

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

    private static string Format(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "none";
}
