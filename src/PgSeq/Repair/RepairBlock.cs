using System.Text;

namespace PgSeq;

/// <summary>
/// One PL/pgSQL DO block that repairs, when it runs, every sequence feeding the given tables: for migrations and
/// deploy scripts that are written before the database they run on exists. It finds the sequences itself (OWNED BY,
/// identity, and defaults that call nextval() on them), locks each sequence's tables and the sequence, and moves it
/// forward only, past MAX of every column it feeds. Unlike <c>pgseq fix</c> it has no lock timeout and keeps its
/// locks until the surrounding transaction commits, as a migration expects.
/// </summary>
public static class RepairBlock
{
    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(RepairBlock).Assembly.GetManifestResourceStream("PgSeq.Repair.RepairBlock.sql")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    });

    /// <summary>The block for every sequence that feeds a table in the database.</summary>
    public static string ForAllTables() => Template.Value.Replace("__TABLES__", "NULL", StringComparison.Ordinal);

    /// <summary>The block for the sequences that feed any of <paramref name="tables"/> (as SQL names them:
    /// <c>loans</c>, <c>public.loans</c>, <c>"Sales"."Orders"</c>; resolved with the search_path when the block runs).
    /// A sequence that also feeds other tables clears their data too.</summary>
    public static string ForTables(IEnumerable<string> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        var literals = tables.Select(Literal).ToList();
        return Template.Value.Replace("__TABLES__", $"ARRAY[{string.Join(", ", literals)}]", StringComparison.Ordinal);
    }

    // An SQL string literal that survives standard_conforming_strings either way.
    private static string Literal(string text) =>
        (text.Contains('\\', StringComparison.Ordinal) ? "E'" : "'")
        + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";
}
