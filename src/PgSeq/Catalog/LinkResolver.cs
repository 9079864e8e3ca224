using Npgsql;
using NpgsqlTypes;

namespace PgSeq.Catalog;

/// <summary>Resolves <see cref="ExplicitLink"/>s to OIDs, with the server's own name parsing (quoting, case, search_path).</summary>
internal static class LinkResolver
{
    private static readonly string Sql = Query("$1::text[]", "$2::text[]");

    /// <summary>
    /// The query that finds each link's sequence, table and column by name, one row per link in order (columns
    /// <c>ord</c>, <c>seq_oid</c>, <c>is_sequence</c>, <c>table_oid</c>, <c>attnum</c>; NULL where nothing has the
    /// name); the repair block runs it too, when it runs.
    /// </summary>
    /// <param name="sequences">SQL for a <c>text[]</c> of the links' sequence names.</param>
    /// <param name="columns">SQL for a <c>text[]</c> of their columns, in the same order.</param>
    public static string Query(string sequences, string columns) => $"""
        SELECT l.ord, s.oid AS seq_oid, s.relkind = 'S' AS is_sequence, t.oid AS table_oid, a.attnum
        FROM ROWS FROM (pg_catalog.unnest({sequences}), pg_catalog.unnest({columns})) WITH ORDINALITY AS l (seq, col, ord)
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
    public static async Task<ResolvedLinks> ResolveAsync(
        NpgsqlConnection connection, IReadOnlyList<ExplicitLink> links, CancellationToken cancellationToken)
    {
        if (links.Count == 0)
        {
            return ResolvedLinks.None;
        }

        try
        {
            return await QueryAsync(connection, links, cancellationToken).ConfigureAwait(false);
        }
        catch (PostgresException error) when (error.SqlState is PostgresErrorCodes.InvalidParameterValue or PostgresErrorCodes.InvalidName)
        {
            // The server names no link when a name cannot be parsed: find the first one that fails alone.
            foreach (var link in links)
            {
                try
                {
                    await QueryAsync(connection, [link], cancellationToken).ConfigureAwait(false);
                }
                catch (PostgresException single) when (single.SqlState is PostgresErrorCodes.InvalidParameterValue or PostgresErrorCodes.InvalidName)
                {
                    throw new PgSeqException(Phrases.LinkMalformed(Phrases.LinkSubject(link), single.MessageText), single);
                }
            }

            throw new PgSeqException(Phrases.LinkMalformed(Phrases.LinkSubject(links[0]), error.MessageText), error);
        }
    }

    private static async Task<ResolvedLinks> QueryAsync(
        NpgsqlConnection connection, IReadOnlyList<ExplicitLink> links, CancellationToken cancellationToken)
    {
        var command = new NpgsqlCommand(Sql, connection)
        {
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = links.Select(l => l.Sequence).ToArray() },
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = links.Select(l => l.Column).ToArray() },
            },
        };
        await using var commandScope = command.ConfigureAwait(false);
        var (sequences, tables, columns, fromValue) = (new List<uint>(), new List<uint>(), new List<short>(), new List<bool>());
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var link = links[(int)reader.GetInt64(reader.GetOrdinal("ord")) - 1];
            var noSequence = reader.IsDBNull(reader.GetOrdinal("seq_oid")) || !reader.GetBoolean(reader.GetOrdinal("is_sequence"));
            var noColumn = reader.IsDBNull(reader.GetOrdinal("attnum"));
            if ((noSequence || noColumn) && link.Optional)
            {
                continue;
            }

            if (noSequence)
            {
                throw new PgSeqException(Phrases.LinkNoSequence(Phrases.LinkSubject(link), link.Sequence));
            }

            if (noColumn)
            {
                throw new PgSeqException(Phrases.LinkNoColumn(Phrases.LinkSubject(link), link.Column));
            }

            sequences.Add(reader.GetFieldValue<uint>(reader.GetOrdinal("seq_oid")));
            tables.Add(reader.GetFieldValue<uint>(reader.GetOrdinal("table_oid")));
            columns.Add(reader.GetInt16(reader.GetOrdinal("attnum")));
            fromValue.Add(link.Allocation == IdAllocation.FromValue);
        }

        return new ResolvedLinks([.. sequences], [.. tables], [.. columns], [.. fromValue]);
    }
}
