namespace PgSeq.Catalog;

/// <summary>A linked column as the catalog describes it, with what pgseq needs to query and lock it.</summary>
/// <param name="Link">The public description of the column.</param>
/// <param name="TableSchema">The table's schema, unquoted (for pattern matching).</param>
/// <param name="TableRelName">The table's name, unquoted (for pattern matching).</param>
/// <param name="ColumnIdentifier">The column name quoted by the server (<c>quote_ident</c>), ready for SQL text.</param>
/// <param name="CanRead">Whether the connected role may SELECT the column.</param>
/// <param name="CanLock">Whether the connected role may lock the table against writers (UPDATE, DELETE or TRUNCATE privilege).</param>
internal sealed record CatalogColumn(
    LinkedColumn Link,
    string TableSchema,
    string TableRelName,
    string ColumnIdentifier,
    bool CanRead,
    bool CanLock)
{
    /// <summary>The values the column's type can hold (its base type, through domains); null when not an integer type.</summary>
    public ValueRange? Range { get; init; }

    /// <summary>True when nothing but the application feeds the column (no default or identity, and no allocation it
    /// declared): it calls nextval() itself and may use a whole block of values below the one it gets.</summary>
    public bool ApplicationAllocates { get; init; }

    /// <summary>True for a column of numbers that are not integers (numeric with a fraction, floating point): not measured,
    /// but compared with the sequence.</summary>
    public bool Comparable { get; init; }

    /// <summary>Whether row level security hides rows of the table from the connected role.</summary>
    public RowFilter RowFilter { get; init; }

    /// <summary>True when the table is UNLOGGED: a hot standby cannot read it.</summary>
    public bool TableUnlogged { get; init; }

    /// <summary>The table name quoted by the server, ready for SQL text.</summary>
    public string Table => Link.Table;

    /// <summary><c>table.column</c>, quoted, for messages and DDL.</summary>
    public string QualifiedName => $"{Table}.{ColumnIdentifier}";
}
