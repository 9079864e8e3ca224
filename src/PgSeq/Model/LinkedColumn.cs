namespace PgSeq;

/// <summary>A table column that a sequence feeds.</summary>
/// <param name="Table">Schema-qualified table name, quoted as <c>format('%I.%I', schema, name)</c> quotes it.</param>
/// <param name="Column">The column name, unquoted.</param>
/// <param name="ColumnType">The column's type as <c>format_type</c> prints it.</param>
/// <param name="Kind">How the sequence is tied to the column.</param>
public sealed record LinkedColumn(string Table, string Column, string ColumnType, LinkKind Kind)
{
    /// <summary>Why the column is not measured, or null when it is.</summary>
    public Phrase? SkipReason { get; init; }

    /// <summary>True when MAX/MIN of the column is read and compared with the sequence.</summary>
    public bool Measured => SkipReason is null;

    /// <summary>True when a btree index leads with the column, so MAX/MIN reads one index entry instead of the table.</summary>
    public bool Indexed { get; init; }
}
