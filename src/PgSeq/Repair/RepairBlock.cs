using System.Globalization;
using System.Text;
using PgSeq.Catalog;
using PgSeq.Probing;
using PgSeq.Repair;

namespace PgSeq;

/// <summary>
/// One PL/pgSQL DO block that repairs, when it runs, every sequence feeding the tables in scope: for migrations and
/// deploy scripts that are written before the database they run on exists, in any tool (Alembic's
/// <c>op.execute</c>, Flyway or Liquibase SQL files, Rails and Django migrations). It finds the sequences itself, with
/// the same link rules as <see cref="SequenceDrift"/> (identity, OWNED BY, defaults that call nextval(), links inferred
/// from names, the explicit links given), locks each sequence's tables and the sequence, and moves it forward only,
/// as far as <see cref="SequenceDrift.FixAsync(Npgsql.NpgsqlDataSource, FixOptions?, CancellationToken)"/> would.
/// Unlike that it has no lock timeout and keeps its locks until the surrounding transaction commits, as a migration
/// expects; a link that names nothing makes it fail.
/// </summary>
public static class RepairBlock
{
    private static readonly Lazy<string> Template = new(() =>
    {
        using var stream = typeof(RepairBlock).Assembly.GetManifestResourceStream("PgSeq.Repair.RepairBlock.sql")!;
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd()
            .Replace("__RESOLVE_LINKS__", LinkResolver.Query("link_sequences", "link_columns"), StringComparison.Ordinal)
            .Replace(
                "__LATTICE_EXTREME__", ProbeSql.LatticeExtreme("%s", "%I", "%s", "%I", "%s", "%s", "%I", "%s", "%s", "%s"), StringComparison.Ordinal)
            .Replace("__EXTREME__", ProbeSql.ColumnExtreme("%s", "%I", "%s"), StringComparison.Ordinal)
            .Replace("__STATE__", ProbeSql.State("%s"), StringComparison.Ordinal)
            .Replace("__NEXT_VALUE__", ProbeSql.NextValue("seq_last_value", "seq_is_called", "g.inc"), StringComparison.Ordinal)
            .Replace("__REQUIRED__", RepairScript.Required("extreme", "g.inc", "g.app"), StringComparison.Ordinal)
            .Replace("__FALLS_SHORT__", RepairScript.FallsShort("current_next", "required", "g.inc"), StringComparison.Ordinal)
            .Replace("__SETVAL__", RepairScript.Setval("g.seq", "goal", "g.inc", "g.min_value", "g.max_value"), StringComparison.Ordinal);
    });

    /// <summary>The block for every sequence that feeds a table in the database.</summary>
    public static string ForAllTables() => Render(new FixOptions(), null);

    /// <summary>The block for the sequences that feed any of <paramref name="tables"/> (as SQL names them:
    /// <c>loans</c>, <c>public.loans</c>, <c>"Sales"."Orders"</c>; resolved with the search_path when the block runs).
    /// A sequence that also feeds other tables clears their data too.</summary>
    public static string ForTables(IEnumerable<string> tables)
    {
        ArgumentNullException.ThrowIfNull(tables);
        return Render(new FixOptions(), [.. tables]);
    }

    /// <summary>
    /// The block for what <paramref name="options"/> select: its schema and table patterns (matched when the block
    /// runs), its explicit links (resolved by name when it runs), <see cref="CheckOptions.InferLinks"/> and
    /// <see cref="FixOptions.Margin"/>. Timeouts do not apply: the block waits as its migration does.
    /// </summary>
    /// <exception cref="InvalidPatternException">A pattern cannot be parsed.</exception>
    /// <exception cref="ArgumentException"><see cref="FixOptions.AllowRewind"/> is set: the block never lowers a sequence.</exception>
    public static string For(FixOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.AllowRewind)
        {
            throw new ArgumentException("the repair block never lowers a sequence; AllowRewind is for fix on test databases", nameof(options));
        }

        return Render(options, null);
    }

    private static string Render(FixOptions options, IReadOnlyList<string>? tables) => Template.Value
        .Replace("__TABLES__", tables is null ? "NULL" : SqlLiteral.Array(tables), StringComparison.Ordinal)
        .Replace("__LINK_SEQUENCES__", SqlLiteral.Array(options.Links.Select(l => l.Sequence)), StringComparison.Ordinal)
        .Replace("__LINK_COLUMNS__", SqlLiteral.Array(options.Links.Select(l => l.Column)), StringComparison.Ordinal)
        .Replace("__LINK_FROM_VALUE__", Booleans(options.Links.Select(l => l.Allocation == IdAllocation.FromValue)), StringComparison.Ordinal)
        .Replace("__LINK_OPTIONAL__", Booleans(options.Links.Select(l => l.Optional)), StringComparison.Ordinal)
        .Replace("__LINKS__", Links(options.InferLinks), StringComparison.Ordinal)
        .Replace("__IN_SCOPE__", new RelationFilter(options).ToSql("fn.nspname", "f.table_relname"), StringComparison.Ordinal)
        .Replace("__STEPS__", (1 + (Int128)options.Margin).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    private static string Links(bool infer) => SequenceLinks.CommonTableExpressions(
        "explicit_sequences", "explicit_tables", "explicit_columns", "explicit_from_value", infer ? "true" : "false");

    private static string Booleans(IEnumerable<bool> values) => $"ARRAY[{string.Join(", ", values.Select(v => v ? "true" : "false"))}]::boolean[]";
}
