using PgSeq.Diagnosis;
using PgSeq.Inspection;
using PgSeq.Session;

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

    /// <summary>Why it was refused or failed.</summary>
    public Failure? Failure { get; init; }

    /// <summary>The move a dry run would make.</summary>
    public SequenceMove? Move { get; init; }

    /// <summary>What the committed repair transaction found and did.</summary>
    public RepairResult? Result { get; init; }

    /// <summary>Renders the repair as a psql script.</summary>
    public Func<string>? Script { get; init; }

    /// <summary>Left as it was: nothing to move, or fix leaves such a sequence alone.</summary>
    public static RepairDecision Unchanged(SequenceInspection inspection) =>
        new() { Inspection = inspection, Kind = RepairDecisionKind.Unchanged };

    /// <summary>Refused before anything was locked, or failed in its transaction (rolled back).</summary>
    public static RepairDecision Failed(SequenceInspection inspection, Failure failure) =>
        new() { Inspection = inspection, Kind = RepairDecisionKind.Failed, Failure = failure };

    /// <summary>A dry run: the move that would be made, and its script.</summary>
    public static RepairDecision Planned(SequenceInspection inspection, SequenceMove move, Func<string> script) =>
        new() { Inspection = inspection, Kind = RepairDecisionKind.Planned, Move = move, Script = script };

    /// <summary>The repair transaction committed.</summary>
    public static RepairDecision Repaired(SequenceInspection inspection, RepairResult result, Func<string> script) =>
        new() { Inspection = inspection, Kind = RepairDecisionKind.Repaired, Result = result, Script = script };
}
