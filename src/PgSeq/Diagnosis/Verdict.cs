namespace PgSeq.Diagnosis;

/// <summary>The verdict on one sequence, computed from its definition, its state and its columns' extreme.</summary>
/// <param name="Status">The verdict.</param>
/// <param name="Finding">The specific reason.</param>
/// <param name="Reason">The explanation, with the remedy where one is needed.</param>
/// <param name="NextValue">What the next <c>nextval()</c> returns; null when the sequence is exhausted.</param>
/// <param name="BehindBy">For drift: the distance in values from the sequence's position to the data's extreme.</param>
/// <param name="NextInsertCollides">Whether the very next value is already taken.</param>
/// <param name="Move">The move a repair under the given policy makes; null when none is needed or none can help.</param>
internal sealed record Verdict(
    SequenceStatus Status,
    Finding Finding,
    Phrase Reason,
    long? NextValue,
    long? BehindBy,
    bool NextInsertCollides,
    SequenceMove? Move);
