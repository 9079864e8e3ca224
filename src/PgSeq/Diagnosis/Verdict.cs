namespace PgSeq.Diagnosis;

/// <summary>The verdict on one sequence: what the rules concluded from its definition, its state and its columns'
/// extreme, or the failure that left nothing to conclude from. Made only by the named factories below.</summary>
internal sealed record Verdict
{
    private Verdict()
    {
    }

    /// <summary>The status.</summary>
    public required SequenceStatus Status { get; init; }

    /// <summary>The specific reason.</summary>
    public required Finding Finding { get; init; }

    /// <summary>The explanation, with the remedy where one is needed.</summary>
    public required Phrase Reason { get; init; }

    /// <summary>What the next <c>nextval()</c> returns; null when the sequence is exhausted or could not be read.</summary>
    public long? NextValue { get; init; }

    /// <summary>For drift: the distance in values from the sequence's position to the data's extreme.</summary>
    public long? BehindBy { get; init; }

    /// <summary>Whether the very next value is already taken.</summary>
    public bool NextInsertCollides { get; init; }

    /// <summary>The move a repair under the given policy makes; null when none is needed or none can help.</summary>
    public SequenceMove? Move { get; init; }

    /// <summary>How much of its range the sequence has used; null until <see cref="Judgement"/> assessed it, or when its
    /// state is unknown.</summary>
    public Capacity? Capacity { get; init; }

    /// <summary>The values the sequence can hand out, when it was judged by them; null when judged by MAX (MIN).</summary>
    public Lattice? Lattice { get; init; }

    /// <summary>After a migration: the value the sequence must reach because the source handed out everything before
    /// it; null without a source, or when the source is another writer.</summary>
    public long? Floor { get; init; }

    /// <summary>The next value clears the data (or the columns are empty); <paramref name="rewind"/> is the move that
    /// lowers it when rewinding is allowed.</summary>
    public static Verdict InSync(Finding finding, Phrase reason, long nextValue, SequenceMove? rewind = null) =>
        new() { Status = SequenceStatus.Ok, Finding = finding, Reason = reason, NextValue = nextValue, Move = rewind };

    /// <summary>The sequence will hand out a value that exists; <paramref name="move"/> repairs it, when anything can.</summary>
    public static Verdict Drift(Finding finding, Phrase reason, long nextValue, long? behindBy, bool nextInsertCollides, SequenceMove? move) =>
        new()
        {
            Status = SequenceStatus.Drift,
            Finding = finding,
            Reason = reason,
            NextValue = nextValue,
            BehindBy = behindBy,
            NextInsertCollides = nextInsertCollides,
            Move = move,
        };

    /// <summary>The sequence cannot be repaired by moving it: it is exhausted, or the data leaves it no room.</summary>
    public static Verdict Unrepairable(
        Finding finding, Phrase reason, long? nextValue = null, long? behindBy = null, bool nextInsertCollides = false) =>
        new()
        {
            Status = SequenceStatus.Error,
            Finding = finding,
            Reason = reason,
            NextValue = nextValue,
            BehindBy = behindBy,
            NextInsertCollides = nextInsertCollides,
        };

    /// <summary>Nothing could be concluded: <paramref name="failure"/> says why; <paramref name="nextValue"/> is known when
    /// the sequence itself could be read.</summary>
    public static Verdict Failed(Failure failure, long? nextValue = null) =>
        new() { Status = failure.Status, Finding = failure.Finding, Reason = failure.Reason, NextValue = nextValue };
}
