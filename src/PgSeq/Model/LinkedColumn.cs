namespace PgSeq;

/// <summary>A table column that a sequence feeds.</summary>
public sealed record LinkedColumn
{
    internal LinkedColumn()
    {
    }

    /// <summary>Schema-qualified table name, quoted as <c>format('%I.%I', schema, name)</c> quotes it.</summary>
    public required string Table { get; init; }

    /// <summary>The column name, unquoted.</summary>
    public required string Column { get; init; }

    /// <summary>The column's type as <c>format_type</c> prints it.</summary>
    public required string ColumnType { get; init; }

    /// <summary>How the sequence is tied to the column.</summary>
    public required LinkKind Kind { get; init; }

    /// <summary>Why the column is not measured, or null when it is.</summary>
    public Phrase? SkipReason { get; init; }

    /// <summary>True when MAX/MIN of the column is read and compared with the sequence.</summary>
    public bool Measured => SkipReason is null;

    /// <summary>True when a btree index leads with the column, so MAX/MIN reads one index entry instead of the table.</summary>
    public bool Indexed { get; init; }

    /// <summary>For an <see cref="LinkKind.Inferred"/> link, the naming rule the sequence's name follows:
    /// <c>&lt;table&gt;_&lt;column&gt;_seq</c> or <c>&lt;table&gt;_seq</c>; null otherwise.</summary>
    public string? InferredFrom { get; init; }
}
