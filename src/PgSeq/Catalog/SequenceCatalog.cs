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

    /// <summary>
    /// Sequences per window: enough for every connection to fill its round trips (4 connections of 500 probes), few
    /// enough that 100,000 sequences never have their catalog rows, states, probes and reports in memory at once.
    /// </summary>
    public const int WindowSize = 4000;

    private const string Cursor = "pgseq_catalog";

    // Rows per round trip: a few windows' worth at most, so a fetch is one quick round trip.
    private const int RowsPerFetch = 5000;

    private static readonly string Fetch = $"FETCH FORWARD {RowsPerFetch} FROM {Cursor}";

    /// <summary>
    /// The statement that opens the cursor: the catalog query, each row with the number of sequences the options'
    /// patterns keep (the same on every row), counted by the server in the cursor's own snapshot, so that a run knows
    /// from its first window how many sequences it has to go through.
    /// </summary>
    public static string Declare(CheckOptions options)
    {
        // In scope by the rules of RelationFilter.Apply, which decides per sequence over all its rows: those of its columns
        // (not of the candidates of an ambiguous name), or its own schema when it feeds none.
        var filter = new RelationFilter(options);
        var (tables, schema) = (filter.ToSql("q.table_schema", "q.table_relname"), filter.SchemaToSql("q.seq_schema"));
        return $"""
            DECLARE {Cursor} NO SCROLL CURSOR WITH HOLD FOR
            SELECT c.*, pg_catalog.count(*) FILTER (WHERE c.first_row AND c.in_scope) OVER () AS sequences_in_scope
            FROM (SELECT q.*, pg_catalog.row_number() OVER s = 1 AS first_row,
                         CASE WHEN pg_catalog.bool_or(q.has_column AND NOT q.ambiguous) OVER s
                              THEN pg_catalog.bool_or(q.has_column AND NOT q.ambiguous AND {tables}) OVER s
                              ELSE {schema} END AS in_scope
                  FROM ({CatalogQuery.Sql}) AS q
                  WINDOW s AS (PARTITION BY q.seq_name COLLATE "C", q.seq_oid)) AS c
            ORDER BY c.seq_name COLLATE "C", c.seq_oid
            """;
    }

    /// <summary>
    /// Every sequence in the user schemas with the columns it feeds, sorted by sequence name, <see cref="WindowSize"/>
    /// sequences at a time. The query runs once, into a cursor WITH HOLD (which keeps its rows on the server, outside
    /// any transaction); each window is fetched when the caller asks for it, so the client never holds the whole
    /// catalog, and the connection is free for other statements between windows.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="options">The explicit links, the patterns, and the statement timeout that bounds the query.</param>
    /// <param name="counted">Told, once, before the first window, how many of the sequences the patterns keep.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    public static async IAsyncEnumerable<IReadOnlyList<CatalogSequence>> ReadAsync(
        NpgsqlConnection connection, CheckOptions options, Action<int>? counted, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var links = await LinkResolver.ResolveAsync(connection, options.Links, cancellationToken).ConfigureAwait(false);
        var declare = new NpgsqlCommand(Declare(options), connection)
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
        };
        await using (declare.ConfigureAwait(false))
        {
            await declare.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            var fetched = new FetchedRows();
            var more = true;
            while (more)
            {
                more = await fetched.FetchAsync(connection, options, cancellationToken).ConfigureAwait(false);
                if (fetched.InScope is { } inScope)
                {
                    counted?.Invoke(inScope);
                    counted = null;
                }

                // Windows of exactly WindowSize (a fetch may bring more), the last one with the rest.
                while (fetched.Window.Count >= WindowSize || (!more && fetched.Window.Count > 0))
                {
                    var count = Math.Min(WindowSize, fetched.Window.Count);
                    yield return fetched.Window.GetRange(0, count);
                    fetched.Window.RemoveRange(0, count);
                }
            }
        }
        finally
        {
            await CloseAsync(connection).ConfigureAwait(false);
        }
    }

    // The rows fetched so far, made into sequences: those complete, and the one whose rows may go on in the next fetch.
    private sealed class FetchedRows
    {
        // Owners, schemas, types and column names repeat across thousands of rows; a large report holds each once.
        private readonly StringPool _pool = new();
        private PendingSequence? _current;

        /// <summary>Sequences whose rows have all been read, in name order.</summary>
        public List<CatalogSequence> Window { get; } = new(WindowSize);

        /// <summary>How many sequences the patterns keep, once the first fetch has read it (0 for an empty catalog).</summary>
        public int? InScope { get; private set; }

        /// <summary>Fetches the next rows of the cursor; false once it has none left (the last sequence is then complete).
        /// The reader is closed before this returns, so the connection is free for the windows' probes.</summary>
        public async Task<bool> FetchAsync(NpgsqlConnection connection, CheckOptions options, CancellationToken cancellationToken)
        {
            var fetch = new NpgsqlCommand(Fetch, connection) { CommandTimeout = CommandTimeouts.For(options.StatementTimeout) };
            await using var fetchScope = fetch.ConfigureAwait(false);
            var reader = await fetch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            var row = new CatalogRow(reader, _pool);
            var rows = 0;
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows++;
                InScope ??= (int)reader.GetInt64(row.SequencesInScope);

                // A sequence's rows come together (the cursor is sorted by name); the next name ends it.
                var oid = reader.GetFieldValue<uint>(row.SeqOid);
                if (_current?.Head.Oid != oid)
                {
                    if (_current is not null)
                    {
                        Window.Add(_current.Finish());
                    }

                    _current = new PendingSequence(row.Sequence(oid));
                }

                if (reader.GetBoolean(row.HasColumn))
                {
                    // The naming rules point an ambiguous sequence at more than one column: it stays unlinked, naming them.
                    (reader.GetBoolean(row.Ambiguous) ? _current.Candidates : _current.Columns).Add(row.Column());
                }
            }

            InScope ??= 0;
            var more = rows == RowsPerFetch;
            if (!more && _current is not null)
            {
                Window.Add(_current.Finish());
                _current = null;
            }

            return more;
        }
    }

    // One sequence whose rows are being read: its columns, and the columns an ambiguous name fits.
    private sealed class PendingSequence(CatalogSequence head)
    {
        public CatalogSequence Head => head;

        public List<CatalogColumn> Columns { get; } = new(1);

        public List<CatalogColumn> Candidates { get; } = [];

        public CatalogSequence Finish()
        {
            Columns.Sort((a, b) => (string.CompareOrdinal(a.Table, b.Table), string.CompareOrdinal(a.Link.Column, b.Link.Column)) switch
            {
                (0, var byColumn) => byColumn,
                var (byTable, _) => byTable,
            });
            return head with
            {
                Columns = Columns,
                AmbiguousCandidates = [.. Candidates.Select(c => c.QualifiedName).Order(StringComparer.Ordinal)],
            };
        }
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
            var close = new NpgsqlCommand($"CLOSE {Cursor}", connection);
            await using var closeScope = close.ConfigureAwait(false);
            await close.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (NpgsqlException)
        {
            // An aborted transaction of the caller's closes its cursors itself when it ends.
        }
    }
}
