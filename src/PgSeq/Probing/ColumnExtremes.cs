namespace PgSeq.Probing;

/// <summary>What the measured columns of one sequence hold.</summary>
/// <param name="Extreme">MAX over the columns (MIN for a descending sequence); null when they are all empty.</param>
/// <param name="NextValueTaken">Whether the value the next <c>nextval()</c> returns exists in any of the columns; null
/// when it was not looked up.</param>
internal readonly record struct ColumnExtremes(long? Extreme, bool? NextValueTaken);
