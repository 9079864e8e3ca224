using System.Text;
using PgSeq.Catalog;
using PgSeq.Probing;
using PgSeq.Repair;

namespace PgSeq;

/// <summary>
/// One PL/pgSQL DO block that repairs, when it runs, every sequence feeding the given tables: for migrations and
/// deploy scripts that are written before the database they run on exists. It finds the sequences itself, with the
/// same link rules as <see cref="SequenceDrift"/> (identity, OWNED BY, defaults that call nextval() on them), locks
/// each sequence's tables and the sequence, and moves it forward only, past MAX of every column it feeds. Unlike
/// <see cref="SequenceDrift.FixAsync(Npgsql.NpgsqlDataSource, FixOptions?, CancellationToken)"/> it has no lock timeout
/// and keeps its locks until the surrounding transaction commits, as a migration expects.
/// </summary>
public static class RepairBlock
{
    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(RepairBlock).Assembly.GetManifestResourceStream("PgSeq.Repair.RepairBlock.sql")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd()
            .Replace("__LINKS__", SequenceLinks.CommonTableExpressions("ARRAY[]::pg_catalog.oid[]", "ARRAY[]::pg_catalog.oid[]", "ARRAY[]::pg_catalog.int2[]"), StringComparison.Ordinal)
            .Replace("__EXTREME__", ProbeSql.ColumnExtreme("%s", "%I", "%s"), StringComparison.Ordinal)
            .Replace("__STATE__", ProbeSql.State("%s"), StringComparison.Ordinal)
            .Replace("__NEXT_VALUE__", ProbeSql.NextValue("seq_last_value", "seq_is_called", "g.inc"), StringComparison.Ordinal)
            .Replace("__SETVAL__", RepairScript.Setval("g.seq", "goal", "g.inc", "g.min_value", "g.max_value"), StringComparison.Ordinal);
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
