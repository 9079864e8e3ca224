namespace PgSeq.Catalog;

/// <summary>How the catalog ties a sequence to a column, as the catalog query reports it.</summary>
/// <param name="Identity"><c>pg_attribute.attidentity</c>: 'a' (ALWAYS), 'd' (BY DEFAULT) or none.</param>
/// <param name="Owned">The sequence is OWNED BY the column.</param>
/// <param name="InDefault">The column's default calls nextval() on the sequence.</param>
/// <param name="LateBound">That default names the sequence as text (<c>nextval('s'::text)</c>), resolved on every insert.</param>
/// <param name="Explicit">The caller linked the two.</param>
/// <param name="Inferred">Linked by the sequence's name alone.</param>
internal readonly record struct LinkFlags(char Identity, bool Owned, bool InDefault, bool LateBound, bool Explicit, bool Inferred);
