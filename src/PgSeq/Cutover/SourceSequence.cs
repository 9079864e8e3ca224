namespace PgSeq.Cutover;

/// <summary>A sequence of the source database and the value it hands out next (null when unreadable or exhausted).</summary>
/// <param name="Definition">Its definition.</param>
/// <param name="NextValue">What its next nextval() returns.</param>
internal sealed record SourceSequence(SequenceDefinition Definition, long? NextValue);
