using PgSeq.Catalog;

namespace PgSeq.Diagnosis;

/// <summary>A column fed by a sequence and the values its type can hold, as the capacity rule needs it.</summary>
/// <param name="Table">The table, quoted.</param>
/// <param name="ColumnIdentifier">The column, quoted.</param>
/// <param name="Range">What its type can hold.</param>
internal readonly record struct ColumnRange(string Table, string ColumnIdentifier, ValueRange Range);
