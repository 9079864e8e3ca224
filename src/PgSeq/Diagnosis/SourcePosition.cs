namespace PgSeq.Diagnosis;

/// <summary>After a migration: the source database's sequence of the same name and the value it hands out next.</summary>
/// <param name="Definition">Its definition.</param>
/// <param name="NextValue">What its next nextval() returns.</param>
internal readonly record struct SourcePosition(SequenceDefinition Definition, long NextValue);
