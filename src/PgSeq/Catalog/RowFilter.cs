namespace PgSeq.Catalog;

/// <summary>Whether row level security keeps the connected role from reading every row of a table.</summary>
internal enum RowFilter
{
    /// <summary>It does not: no policies enabled, or the role bypasses them (superuser, BYPASSRLS, the owner).</summary>
    None,

    /// <summary>Policies apply to the role, which does not own the table.</summary>
    Applies,

    /// <summary>The table forces its policies even on its owner (FORCE ROW LEVEL SECURITY).</summary>
    Forced,
}
