using Npgsql;
using NpgsqlTypes;
using PgSeq.Session;

namespace PgSeq.Catalog;

/// <summary>
/// <see cref="CheckOptions.StrictNames"/>: every schema pattern must match a schema, and every table pattern a table
/// (ordinary or partitioned) of the database, in the user schemas the catalog query reads; pg_dump's rule.
/// </summary>
internal static class NamePatterns
{
    private const string Sql = """
        SELECT ARRAY(
                 SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace AS n
                                WHERE n.nspname ~ s.name
                                  AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_(catalog$|toast|temp_)')
                 FROM pg_catalog.unnest($1::pg_catalog.text[]) WITH ORDINALITY AS s (name, i) ORDER BY s.i),
               ARRAY(
                 SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class AS c JOIN pg_catalog.pg_namespace AS n ON n.oid = c.relnamespace
                                WHERE c.relkind IN ('r', 'p') AND (t.schema IS NULL OR n.nspname ~ t.schema) AND c.relname ~ t.name
                                  AND n.nspname <> 'information_schema' AND n.nspname !~ '^pg_(catalog$|toast|temp_)')
                 FROM ROWS FROM (pg_catalog.unnest($2::pg_catalog.text[]), pg_catalog.unnest($3::pg_catalog.text[]))
                      WITH ORDINALITY AS t (schema, name, i) ORDER BY t.i)
        """;

    /// <exception cref="PgSeqException">A pattern matches nothing: the first such, schema patterns first.</exception>
    public static async Task EnsureEachMatchesAsync(
        NpgsqlConnection connection, CheckOptions options, string database, CancellationToken cancellationToken)
    {
        if (!options.StrictNames || (options.Schemas.Count == 0 && options.Tables.Count == 0))
        {
            return;
        }

        var tables = options.Tables.Select(PsqlPattern.ForRelation).ToList();
        var command = new NpgsqlCommand(Sql, connection)
        {
            CommandTimeout = CommandTimeouts.For(options.StatementTimeout),
            Parameters =
            {
                Texts(options.Schemas.Select(p => PsqlPattern.ForSchema(p).NameRegex)),
                Texts(tables.Select(p => p.SchemaRegex)),
                Texts(tables.Select(p => p.NameRegex)),
            },
        };
        await using var commandScope = command.ConfigureAwait(false);
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        var schemasMatch = reader.GetFieldValue<bool[]>(0);
        var tablesMatch = reader.GetFieldValue<bool[]>(1);
        if (Array.IndexOf(schemasMatch, false) is var schema and >= 0)
        {
            throw new PgSeqException(Phrases.SchemaPatternUnmatched(options.Schemas[schema], database));
        }

        if (Array.IndexOf(tablesMatch, false) is var table and >= 0)
        {
            throw new PgSeqException(Phrases.TablePatternUnmatched(options.Tables[table], database));
        }
    }

    private static NpgsqlParameter Texts(IEnumerable<string?> values) =>
        new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = values.ToArray() };
}
