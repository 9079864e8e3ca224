namespace PgSeq.Diagnosis;

/// <summary>A <c>setval(sequence, Value, IsCalled)</c> that a repair makes.</summary>
/// <param name="Value">The value given to setval.</param>
/// <param name="IsCalled">The is_called flag given to setval.</param>
/// <param name="NextValue">The value <c>nextval()</c> returns afterwards.</param>
internal readonly record struct SequenceMove(long Value, bool IsCalled, long NextValue);
