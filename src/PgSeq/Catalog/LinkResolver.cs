using Npgsql;
using NpgsqlTypes;

namespace PgSeq.Catalog;

/// <summary>Resolves <see cref="ExplicitLink"/>s to OIDs, with the server's own name parsing (quoting, case, search_path).</summary>
internal static class LinkResolver
{
    private const string Sql = """
        SELECT l.ord, s.oid, s.relkind = 'S', t.oid, a.attnum
        FROM ROWS FROM (pg_catalog.unnest($1::text[]), pg_catalog.unnest($2::text[])) WITH ORDINALITY AS l (seq, col, ord)
        CROSS JOIN LATERAL (SELECT pg_catalog.parse_ident(l.col) AS p) AS parts
        LEFT JOIN pg_catalog.pg_class AS s ON s.oid = pg_catalog.to_regclass(l.seq)
        LEFT JOIN pg_catalog.pg_class AS t
          ON t.oid = pg_catalog.to_regclass(CASE pg_catalog.array_length(parts.p, 1)
                   WHEN 3 THEN pg_catalog.quote_ident(parts.p[1]) || '.' || pg_catalog.quote_ident(parts.p[2])
                   WHEN 2 THEN pg_catalog.quote_ident(parts.p[1]) END)
         AND t.relkind IN ('r', 'p')
        LEFT JOIN pg_catalog.pg_attribute AS a
          ON a.attrelid = t.oid AND a.attname = parts.p[pg_catalog.array_length(parts.p, 1)] AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY l.ord
        """;

    /// <summary>The sequence, table and column OIDs of each link, in the order given.</summary>
    /// <exception cref="PgSeqException">A link names a sequence or column that does not exist, or cannot be parsed.</exception>
    public static async Task<(uint[] Sequences, uint[] Tables, short[] Columns)> ResolveAsync(
        NpgsqlConnection connection, IReadOnlyList<ExplicitLink> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return ([], [], []);
        }

        await using var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = links.Select(l => l.Sequence).ToArray() },
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = links.Select(l => l.Column).ToArray() },
            },
        };
        var (sequences, tables, columns) = (new List<uint>(), new List<uint>(), new List<short>());
        try
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                var link = links[(int)reader.GetInt64(0) - 1];
                if (reader.IsDBNull(1) || !reader.GetBoolean(2))
                {
                    throw new PgSeqException(Phrases.LinkNoSequence(link.Sequence, link.Column));
                }

                if (reader.IsDBNull(4))
                {
                    throw new PgSeqException(Phrases.LinkNoColumn(link.Sequence, link.Column));
                }

                sequences.Add(reader.GetFieldValue<uint>(1));
                tables.Add(reader.GetFieldValue<uint>(3));
                columns.Add(reader.GetInt16(4));
            }
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.InvalidParameterValue or PostgresErrorCodes.InvalidName)
        {
            throw new PgSeqException(Phrases.LinkMalformed(error.MessageText), error);
        }

        return ([.. sequences], [.. tables], [.. columns]);
    }
}
