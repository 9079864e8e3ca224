using PgSeq.Diagnosis;
using PgSeq.Inspection;

namespace PgSeq.Repair;

/// <summary>What a fix run made of one inspected sequence, for its report. Made by the named factories.</summary>
internal sealed record RepairDecision
{
    private RepairDecision()
    {
    }

    /// <summary>The sequence as checked before any repair.</summary>
    public required SequenceInspection Inspection { get; init; }

    /// <summary>What became of it.</summary>
    public required RepairDecisionKind Kind { get; init; }

    /// <summary>The verdict its report shows: as checked, or after the repair or its failure.</summary>
    public required Verdict Verdict { get; init; }

    /// <summary>The move a dry run would make.</summary>
    public SequenceMove? Move { get; init; }

    /// <summary>What the committed repair transaction found and did.</summary>
    public RepairResult? Result { get; init; }

    /// <summary>Renders the repair as a psql script.</summary>
    public Func<string>? Script { get; init; }

    /// <summary>Left as it was: nothing to move, or fix leaves such a sequence alone.</summary>
    public static RepairDecision Unchanged(SequenceInspection inspection) =>
        new() { Inspection = inspection, Kind = RepairDecisionKind.Unchanged, Verdict = inspection.Verdict };

    /// <summary>Refused before anything was locked, or failed in its transaction (rolled back): <paramref name="verdict"/>
    /// is the failure's.</summary>
    public static RepairDecision Failed(SequenceInspection inspection, Verdict verdict) =>
        new() { Inspection = inspection, Kind = RepairDecisionKind.Failed, Verdict = verdict };

    /// <summary>A dry run: the move that would be made, and its script.</summary>
    public static RepairDecision Planned(SequenceInspection inspection, SequenceMove move, Func<string> script) =>
        new() { Inspection = inspection, Kind = RepairDecisionKind.Planned, Verdict = inspection.Verdict, Move = move, Script = script };

    /// <summary>The repair transaction committed; <paramref name="verdict"/> judges what it left.</summary>
    public static RepairDecision Repaired(SequenceInspection inspection, RepairResult result, Verdict verdict, Func<string> script) =>
        new() { Inspection = inspection, Kind = RepairDecisionKind.Repaired, Verdict = verdict, Result = result, Script = script };
}
