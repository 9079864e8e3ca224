namespace PgSeq;

/// <summary>
/// A column the caller says a sequence feeds, for applications that call <c>nextval()</c> themselves and leave no
/// trace in the catalog.
/// </summary>
/// <param name="Sequence">The sequence, as SQL names it: <c>public.loans_id_seq</c>, <c>"My Seq"</c> (search_path applies without a schema).</param>
/// <param name="Column">The column: <c>schema.table.column</c> or <c>table.column</c>, quoted as in SQL.</param>
public sealed record ExplicitLink(string Sequence, string Column);
