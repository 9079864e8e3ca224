using PgSeq.Catalog;
using PgSeq.Probing;

namespace PgSeq.Diagnosis;

/// <summary>
/// The final verdict on a sequence, as its report shows it: the drift rules' (or a failure's), then its capacity, which
/// an otherwise healthy sequence takes as its status, and the note of a link inferred from the name. After a repair,
/// the sequence is judged again from what the repair transaction read under its locks. Pure, like the drift rules.
/// </summary>
internal static class Judgement
{
    /// <summary>Completes <paramref name="verdict"/> with the capacity of the sequence at <paramref name="state"/>.</summary>
    /// <param name="verdict">The drift rules' verdict, or a failure's.</param>
    /// <param name="sequence">The sequence and its columns.</param>
    /// <param name="state">Its position; null when it could not be read (then there is no capacity).</param>
    /// <param name="extreme">MAX (MIN when descending) of its columns, when read.</param>
    /// <param name="thresholds">When a share of the range used is a warning, or critical.</param>
    public static Verdict Complete(Verdict verdict, CatalogSequence sequence, SequenceState? state, long? extreme, CapacityThresholds thresholds)
    {
        var judged = state is { } known ? WithCapacity(verdict, sequence, known, extreme, thresholds) : verdict;
        return sequence.Inferred && sequence.Columns[0] is var first
            ? judged with { Reason = Phrases.InferredLink(judged.Reason, first.Link.InferredFrom!, first.QualifiedName) }
            : judged;
    }

    /// <summary>The verdict after a repair transaction that found <paramref name="before"/> and <paramref name="extreme"/>
    /// under its locks and made <paramref name="moved"/> (null when another session had already moved the sequence).</summary>
    public static Verdict AfterRepair(
        CatalogSequence sequence, SequenceState before, SequenceMove? moved, long? extreme, Lattice? lattice, CapacityThresholds thresholds)
    {
        var definition = sequence.Definition;
        var after = moved is { } m ? new SequenceState(m.Value, m.IsCalled) : before;
        var verdict = DriftDiagnosis.Diagnose(definition, after, new ColumnExtremes(extreme, false), RepairPolicy.Default,
            applicationAllocates: sequence.ApplicationAllocates, lattice: lattice);
        var judged = Complete(verdict, sequence, after, extreme, thresholds);
        if (moved is not { } move)
        {
            return judged with { Reason = Phrases.MovedConcurrently(judged.Reason) };
        }

        if (verdict.Status != SequenceStatus.Ok)
        {
            return judged;
        }

        var previousNext = DriftDiagnosis.NextValue(definition, before);
        var lowered = definition.Descending ? move.NextValue > previousNext : move.NextValue < previousNext;
        return judged with
        {
            Finding = judged.Status != SequenceStatus.Ok ? judged.Finding : lowered ? Finding.Rewound : Finding.Repaired,
            Reason = lowered
                ? Phrases.Rewound(previousNext, move.NextValue, judged.Reason)
                : Phrases.Repaired(previousNext, move.NextValue, judged.Reason),
        };
    }

    /// <summary>What a check proposes for the sequence: the repair fix would make, or a hand for drift it cannot move.</summary>
    public static Phrase? Advice(Verdict verdict) => verdict switch
    {
        { Status: SequenceStatus.Drift, Move: { } move } => Phrases.WouldFix(verdict.NextValue, move.NextValue),
        { Status: SequenceStatus.Drift } => Phrases.ByHand(),
        _ => null,
    };

    // An otherwise healthy (or unmeasurable) sequence that is running out of range takes the capacity status; drift,
    // errors and busy sequences keep theirs, with the capacity still in the report.
    private static Verdict WithCapacity(Verdict verdict, CatalogSequence sequence, SequenceState state, long? extreme, CapacityThresholds thresholds)
    {
        var (capacity, explanation) = CapacityAssessment.Assess(sequence, state, extreme, thresholds, verdict.Lattice);
        var assessed = verdict with { Capacity = capacity };
        return (verdict.Status, capacity.Level) switch
        {
            (SequenceStatus.Ok or SequenceStatus.Skipped, CapacityLevel.Critical) =>
                assessed with { Status = SequenceStatus.CapacityCritical, Finding = Finding.CapacityCritical, Reason = explanation },
            (SequenceStatus.Ok or SequenceStatus.Skipped, CapacityLevel.Warning) =>
                assessed with { Status = SequenceStatus.CapacityWarning, Finding = Finding.CapacityWarning, Reason = explanation },
            _ => assessed,
        };
    }
}
