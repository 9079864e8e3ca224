namespace PgSeq.Catalog;

/// <summary>A sequence, the columns it feeds, and what the connected role may do with it.</summary>
/// <param name="Oid">The sequence's OID.</param>
/// <param name="Definition">The public definition; its name is quoted by the server.</param>
/// <param name="Literal">The quoted name as a string literal (<c>quote_literal</c>), for <c>setval()</c>.</param>
/// <param name="Owner">The role that owns the sequence.</param>
/// <param name="CanAlter">Whether the connected role may ALTER the sequence (owner, member of the owner role, or superuser).</param>
/// <param name="CanRead">Whether the connected role may read the sequence's state (SELECT).</param>
/// <param name="Columns">The columns the sequence feeds, partitions and inheritance children already folded into their parent.</param>
internal sealed record CatalogSequence(
    uint Oid,
    SequenceDefinition Definition,
    string Literal,
    string Owner,
    bool CanAlter,
    bool CanRead,
    IReadOnlyList<CatalogColumn> Columns)
{
    /// <summary>The sequence's schema, unquoted (for pattern matching).</summary>
    public required string Schema { get; init; }

    /// <summary>True for an UNLOGGED sequence.</summary>
    public bool Unlogged { get; init; }

    /// <summary>True when every column is <see cref="LinkKind.Inferred"/>: the link is a guess from the name.</summary>
    public bool Inferred => Columns.Count > 0 && Columns.All(c => c.Link.Kind == LinkKind.Inferred);

    /// <summary>For a sequence whose name the naming rules fit to several columns (and so is linked to none): those columns.</summary>
    public IReadOnlyList<string> AmbiguousCandidates { get; init; } = [];

    /// <summary>True when the application allocates ids from the sequence itself for a measured column: then the sequence
    /// must be a whole increment ahead of the data, not just past it.</summary>
    public bool ApplicationAllocates => MeasuredColumns.Any(c => c.ApplicationAllocates);

    /// <summary>The public view of <see cref="Columns"/>, built once and shared by every report of this sequence.</summary>
    public IReadOnlyList<LinkedColumn> Links => field ??= Columns.Select(c => c.Link).ToArray();

    /// <summary>The quoted name, ready for SQL text.</summary>
    public string Name => Definition.Name;

    /// <summary>The columns whose MAX/MIN decides the verdict.</summary>
    public IEnumerable<CatalogColumn> MeasuredColumns => Columns.Where(c => c.Link.Measured);

    /// <summary>Columns of numbers that are not integers, readable by the role: compared with the sequence, not measured.</summary>
    public IEnumerable<CatalogColumn> ComparableColumns => Columns.Where(c => c.Comparable && c.CanRead && c.RowFilter == RowFilter.None);
}
