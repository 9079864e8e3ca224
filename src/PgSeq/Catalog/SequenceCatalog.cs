using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using PgSeq.Session;

namespace PgSeq.Catalog;

/// <summary>
/// Finds every sequence in the user schemas and every table column it feeds, in one catalog query by OID, with the
/// link rules of <see cref="SequenceLinks"/>. Sequences that feed nothing are returned too, with no column.
/// </summary>
internal static class SequenceCatalog
{
    private static readonly string Sql = $"""
        WITH RECURSIVE
        {SequenceLinks.CommonTableExpressions("$1::pg_catalog.oid[]", "$2::pg_catalog.oid[]", "$3::pg_catalog.int2[]", "$4::pg_catalog.bool[]", "$5::pg_catalog.bool")},
        indexed (table_oid, attnum) AS (
            SELECT DISTINCT i.indrelid, i.indkey[0]
            FROM pg_catalog.pg_index AS i
            JOIN pg_catalog.pg_class AS ic ON ic.oid = i.indexrelid
            JOIN pg_catalog.pg_am AS am ON am.oid = ic.relam
            WHERE i.indpred IS NULL AND am.amname = 'btree'
        )
        SELECT s.seqrelid AS seq_oid,
               pg_catalog.format('%I.%I', sn.nspname, sc.relname) AS seq_name,
               pg_catalog.quote_literal(pg_catalog.format('%I.%I', sn.nspname, sc.relname)) AS seq_literal,
               sn.nspname AS seq_schema,
               pg_catalog.pg_get_userbyid(sc.relowner) AS seq_owner,
               pg_catalog.format_type(s.seqtypid, NULL) AS seq_type,
               s.seqstart AS seq_start, s.seqincrement AS seq_increment, s.seqmin AS seq_min, s.seqmax AS seq_max,
               s.seqcache AS seq_cache, s.seqcycle AS seq_cycle,
               sc.relpersistence = 'u' AS seq_unlogged,
               pg_catalog.pg_has_role(sc.relowner, 'USAGE') AS can_alter,
               pg_catalog.has_sequence_privilege(s.seqrelid, 'SELECT') AS can_read_sequence,
               f.table_oid IS NOT NULL AS has_column,
               pg_catalog.quote_ident(tn.nspname) || '.' || pg_catalog.quote_ident(f.table_relname) AS table_name,
               tn.nspname AS table_schema,
               f.table_relname,
               f.attname AS column_name,
               pg_catalog.quote_ident(f.attname) AS column_identifier,
               pg_catalog.format_type(f.atttypid, f.atttypmod) AS column_type,
               f.identity::text AS identity, f.owned, f.in_default, f.late_bound, f.explicit, f.inferred, f.rule AS inferred_rule, f.ambiguous,
               CASE WHEN NOT f.measured THEN f.default_expr END AS default_expr,
               f.integral, f.measured, f.comparable, f.app_block, f.rls_hidden, f.rls_forced, f.table_unlogged,
               pg_catalog.format_type(f.base_oid, NULL) AS base_type,
               pg_catalog.has_column_privilege(f.table_oid, f.attnum, 'SELECT') AS can_read_column,
               pg_catalog.has_table_privilege(f.table_oid, 'UPDATE')
                 OR pg_catalog.has_table_privilege(f.table_oid, 'DELETE')
                 OR pg_catalog.has_table_privilege(f.table_oid, 'TRUNCATE') AS can_lock,
               ix.table_oid IS NOT NULL AS indexed
        FROM pg_catalog.pg_sequence AS s
        JOIN pg_catalog.pg_class AS sc ON sc.oid = s.seqrelid
        JOIN pg_catalog.pg_namespace AS sn ON sn.oid = sc.relnamespace
        LEFT JOIN (feed AS f
                   JOIN pg_catalog.pg_namespace AS tn ON tn.oid = f.table_namespace
                   LEFT JOIN indexed AS ix ON ix.table_oid = f.table_oid AND ix.attnum = f.attnum)
          ON f.seq_oid = s.seqrelid
        WHERE sn.nspname <> 'information_schema'
          AND sn.nspname !~ '^pg_(catalog$|toast|temp_)'
        ORDER BY pg_catalog.format('%I.%I', sn.nspname, sc.relname) COLLATE "C", s.seqrelid
        """;

    /// <summary>
    /// Sequences per window: enough for every connection to fill its round trips (4 connections of 500 probes), few
    /// enough that 100,000 sequences never have their catalog rows, states, probes and reports in memory at once.
    /// </summary>
    public const int WindowSize = 4000;

    private const string Cursor = "pgseq_catalog";

    // Rows per round trip: a few windows' worth at most, so a fetch is one quick round trip.
    private const int RowsPerFetch = 5000;

    private static readonly string Declare = $"DECLARE {Cursor} NO SCROLL CURSOR WITH HOLD FOR {Sql}";

    private static readonly string Fetch = $"FETCH FORWARD {RowsPerFetch} FROM {Cursor}";

    /// <summary>
    /// Every sequence in the user schemas with the columns it feeds, sorted by sequence name, <see cref="WindowSize"/>
    /// sequences at a time. The query runs once, into a cursor WITH HOLD (which keeps its rows on the server, outside
    /// any transaction); each window is fetched when the caller asks for it, so the client never holds the whole
    /// catalog, and the connection is free for other statements between windows.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="options">The explicit links, and the statement timeout that bounds the query.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async IAsyncEnumerable<IReadOnlyList<CatalogSequence>> ReadAsync(
        NpgsqlConnection connection, CheckOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var links = await LinkResolver.ResolveAsync(connection, options.Links, cancellationToken);
        await using (var declare = new NpgsqlCommand(Declare, connection)
        {
            CommandTimeout = CommandTimeouts.For(options.StatementTimeout),
            Parameters =
            {
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Oid, Value = links.Sequences },
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Oid, Value = links.Tables },
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Smallint, Value = links.Columns },
                new() { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Boolean, Value = links.FromValue },
                new() { NpgsqlDbType = NpgsqlDbType.Boolean, Value = options.InferLinks },
            },
        })
        {
            await declare.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            var pool = new StringPool();
            var window = new List<CatalogSequence>(WindowSize);
            (CatalogSequence Sequence, List<CatalogColumn> Columns)? current = null;
            var more = true;
            while (more)
            {
                await using (var fetch = new NpgsqlCommand(Fetch, connection) { CommandTimeout = CommandTimeouts.For(options.StatementTimeout) })
                await using (var reader = await fetch.ExecuteReaderAsync(cancellationToken))
                {
                    var row = new Row(reader, pool);
                    var rows = 0;
                    while (await reader.ReadAsync(cancellationToken))
                    {
                        rows++;

                        // A sequence's rows come together (the cursor is sorted by name); the next name ends it.
                        var oid = reader.GetFieldValue<uint>(row.SeqOid);
                        if (current?.Sequence.Oid != oid)
                        {
                            if (current is { } done)
                            {
                                window.Add(Finish(done.Sequence, done.Columns));
                            }

                            var columns = new List<CatalogColumn>(1);
                            current = (row.Sequence(oid, columns), columns);
                        }

                        if (!reader.GetBoolean(row.HasColumn))
                        {
                            continue;
                        }

                        var column = row.Column();
                        if (reader.GetBoolean(row.Ambiguous))
                        {
                            // The naming rules point the sequence at more than one column: it stays unlinked, naming them.
                            current.Value.Sequence.AmbiguousCandidates.Add(column.QualifiedName);
                        }
                        else
                        {
                            current.Value.Columns.Add(column);
                        }
                    }

                    more = rows == RowsPerFetch;
                }

                if (!more && current is { } last)
                {
                    window.Add(Finish(last.Sequence, last.Columns));
                }

                // Windows of exactly WindowSize (a fetch may bring more), the last one with the rest.
                while (window.Count >= WindowSize || (!more && window.Count > 0))
                {
                    var count = Math.Min(WindowSize, window.Count);
                    yield return window.GetRange(0, count);
                    window.RemoveRange(0, count);
                }
            }
        }
        finally
        {
            await CloseAsync(connection);
        }
    }

    private static CatalogSequence Finish(CatalogSequence sequence, List<CatalogColumn> columns)
    {
        sequence.AmbiguousCandidates.Sort(StringComparer.Ordinal);
        columns.Sort((a, b) => (string.CompareOrdinal(a.Table, b.Table), string.CompareOrdinal(a.Link.Column, b.Link.Column)) switch
        {
            (0, var byColumn) => byColumn,
            var (byTable, _) => byTable,
        });
        return sequence;
    }

    // However the reading ends; a connection that is gone has no cursor left.
    private static async Task CloseAsync(NpgsqlConnection connection)
    {
        if (connection.FullState != System.Data.ConnectionState.Open)
        {
            return;
        }

        try
        {
            await using var close = new NpgsqlCommand($"CLOSE {Cursor}", connection);
            await close.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (NpgsqlException)
        {
            // An aborted transaction of the caller's closes its cursors itself when it ends.
        }
    }

    /// <summary>Reads one row of the catalog query, by column name (ordinals resolved once).</summary>
    // Owners, schemas, types and column names repeat across thousands of rows; a large report holds each once
    // (pool, shared by the fetches of one run).
    private sealed class Row(NpgsqlDataReader reader, StringPool pool)
    {
        private readonly StringPool _pool = pool;

        public int SeqOid { get; } = reader.GetOrdinal("seq_oid");

        public int HasColumn { get; } = reader.GetOrdinal("has_column");

        public int Ambiguous { get; } = reader.GetOrdinal("ambiguous");

        private int SeqName { get; } = reader.GetOrdinal("seq_name");

        private int SeqLiteral { get; } = reader.GetOrdinal("seq_literal");

        private int SeqSchema { get; } = reader.GetOrdinal("seq_schema");

        private int SeqOwner { get; } = reader.GetOrdinal("seq_owner");

        private int SeqType { get; } = reader.GetOrdinal("seq_type");

        private int SeqStart { get; } = reader.GetOrdinal("seq_start");

        private int SeqIncrement { get; } = reader.GetOrdinal("seq_increment");

        private int SeqMin { get; } = reader.GetOrdinal("seq_min");

        private int SeqMax { get; } = reader.GetOrdinal("seq_max");

        private int SeqCache { get; } = reader.GetOrdinal("seq_cache");

        private int SeqCycle { get; } = reader.GetOrdinal("seq_cycle");

        private int SeqUnlogged { get; } = reader.GetOrdinal("seq_unlogged");

        private int CanAlter { get; } = reader.GetOrdinal("can_alter");

        private int CanReadSequence { get; } = reader.GetOrdinal("can_read_sequence");

        private int TableName { get; } = reader.GetOrdinal("table_name");

        private int TableSchema { get; } = reader.GetOrdinal("table_schema");

        private int TableRelName { get; } = reader.GetOrdinal("table_relname");

        private int ColumnName { get; } = reader.GetOrdinal("column_name");

        private int ColumnIdentifier { get; } = reader.GetOrdinal("column_identifier");

        private int ColumnType { get; } = reader.GetOrdinal("column_type");

        private int BaseType { get; } = reader.GetOrdinal("base_type");

        private int Identity { get; } = reader.GetOrdinal("identity");

        private int Owned { get; } = reader.GetOrdinal("owned");

        private int InDefault { get; } = reader.GetOrdinal("in_default");

        private int LateBound { get; } = reader.GetOrdinal("late_bound");

        private int Explicit { get; } = reader.GetOrdinal("explicit");

        private int Inferred { get; } = reader.GetOrdinal("inferred");

        private int InferredRule { get; } = reader.GetOrdinal("inferred_rule");

        private int ApplicationBlock { get; } = reader.GetOrdinal("app_block");

        private int Comparable { get; } = reader.GetOrdinal("comparable");

        private int RowSecurityHides { get; } = reader.GetOrdinal("rls_hidden");

        private int RowSecurityForced { get; } = reader.GetOrdinal("rls_forced");

        private int TableUnlogged { get; } = reader.GetOrdinal("table_unlogged");

        private int DefaultExpression { get; } = reader.GetOrdinal("default_expr");

        private int Integral { get; } = reader.GetOrdinal("integral");

        private int Measured { get; } = reader.GetOrdinal("measured");

        private int CanReadColumn { get; } = reader.GetOrdinal("can_read_column");

        private int CanLock { get; } = reader.GetOrdinal("can_lock");

        private int Indexed { get; } = reader.GetOrdinal("indexed");

        public CatalogSequence Sequence(uint oid, IReadOnlyList<CatalogColumn> columns)
        {
            var definition = new SequenceDefinition
            {
                Name = reader.GetString(SeqName),
                DataType = _pool.Get(reader.GetString(SeqType)),
                Start = reader.GetInt64(SeqStart),
                Increment = reader.GetInt64(SeqIncrement),
                MinValue = reader.GetInt64(SeqMin),
                MaxValue = reader.GetInt64(SeqMax),
                Cache = reader.GetInt64(SeqCache),
                Cycle = reader.GetBoolean(SeqCycle),
            };
            return new CatalogSequence(oid, definition, reader.GetString(SeqLiteral), _pool.Get(reader.GetString(SeqOwner)),
                reader.GetBoolean(CanAlter), reader.GetBoolean(CanReadSequence), columns)
            {
                Schema = _pool.Get(reader.GetString(SeqSchema)),
                Unlogged = reader.GetBoolean(SeqUnlogged),
            };
        }

        public CatalogColumn Column()
        {
            var columnType = _pool.Get(reader.GetString(ColumnType));
            var kind = LinkClassifier.Kind(new LinkFlags(
                reader.GetString(Identity) is [var identity] ? identity : default, reader.GetBoolean(Owned), reader.GetBoolean(InDefault), reader.GetBoolean(LateBound),
                reader.GetBoolean(Explicit), reader.GetBoolean(Inferred)));
            var link = new LinkedColumn
            {
                Table = reader.GetString(TableName),
                Column = _pool.Get(reader.GetString(ColumnName)),
                ColumnType = columnType,
                Kind = kind,
                SkipReason = LinkClassifier.SkipReason(
                    reader.GetBoolean(Measured), reader.GetBoolean(Integral), columnType, reader.IsDBNull(DefaultExpression) ? null : reader.GetString(DefaultExpression)),
                Indexed = reader.GetBoolean(Indexed),
                InferredFrom = reader.IsDBNull(InferredRule) ? null : reader.GetString(InferredRule),
            };
            return new CatalogColumn(
                link,
                TableSchema: _pool.Get(reader.GetString(TableSchema)),
                TableRelName: reader.GetString(TableRelName),
                ColumnIdentifier: _pool.Get(reader.GetString(ColumnIdentifier)),
                CanRead: reader.GetBoolean(CanReadColumn),
                CanLock: reader.GetBoolean(CanLock))
            {
                Range = ValueRange.Of(reader.GetString(BaseType)),
                ApplicationAllocates = reader.GetBoolean(ApplicationBlock),
                Comparable = reader.GetBoolean(Comparable),
                RowSecurity = reader.GetBoolean(RowSecurityHides) ? (reader.GetBoolean(RowSecurityForced) ? RowFilter.Forced : RowFilter.Applies) : RowFilter.None,
                TableUnlogged = reader.GetBoolean(TableUnlogged),
            };
        }
    }
}
