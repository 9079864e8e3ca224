namespace PgSeq.Probing;

/// <summary>A sequence's position, read from the sequence relation itself (<c>SELECT last_value, is_called FROM seq</c>).</summary>
/// <param name="LastValue">The sequence's <c>last_value</c>.</param>
/// <param name="IsCalled">When false, the next <c>nextval()</c> returns <paramref name="LastValue"/> itself rather than the value after it.</param>
internal readonly record struct SequenceState(long LastValue, bool IsCalled);
