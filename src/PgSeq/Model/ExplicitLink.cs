namespace PgSeq;

/// <summary>
/// A column the caller says a sequence feeds, for applications that call <c>nextval()</c> themselves and leave no
/// trace in the catalog.
/// </summary>
/// <param name="Sequence">The sequence, as SQL names it: <c>public.loans_id_seq</c>, <c>"My Seq"</c> (search_path applies without a schema).</param>
/// <param name="Column">The column: <c>schema.table.column</c> or <c>table.column</c>, quoted as in SQL.</param>
public sealed record ExplicitLink(string Sequence, string Column)
{
    /// <summary>How the application turns a value of the sequence into ids; <see cref="IdAllocation.Unknown"/> by default.</summary>
    public IdAllocation Allocation { get; init; }

    /// <summary>Where the link was written (a file and line), for messages; null when given in code.</summary>
    public string? Origin { get; init; }

    /// <summary>Leave the link out when its sequence or column does not exist, instead of failing the run: for links
    /// derived from an application's model, which may be ahead of the database.</summary>
    public bool Optional { get; init; }
}
