using Npgsql;
using NpgsqlTypes;
using PgSeq.Session;

namespace PgSeq.Probing;

/// <summary>
/// Reads one row per item in few round trips: items are grouped into <c>UNION ALL</c> statements of
/// <see cref="ItemsPerStatement"/>, and <see cref="StatementsPerRoundTrip"/> statements travel as one batch with an
/// error barrier after each, so each runs in its own implicit transaction (it holds the locks of a few relations, never
/// of thousands) and a failing one spoils nothing else. A failed statement's items are run again one by one, so the
/// failure lands on the item that caused it and the others still get their answer.
/// </summary>
internal static class ChunkedQuery
{
    /// <summary>Items per statement. Planning a <c>UNION ALL</c> grows faster than its branch count (at 10,000 tables,
    /// statements of 500 took 1.4-2.8 s in all, statements of 20 about 0.95 s, statements of 1 about 2 s), and the
    /// statement locks every relation it reads until it ends.</summary>
    public const int ItemsPerStatement = 20;

    /// <summary>Statements per round trip: 500 items, so that round trips stop mattering even over a slow network.</summary>
    public const int StatementsPerRoundTrip = 25;

    private const string Savepoint = "pgseq_probe";

    /// <summary>Builds the SELECT for one item. Its first column must be <paramref name="row"/>; parameters are added
    /// through <paramref name="parameters"/>, which returns the placeholder to put in the text.</summary>
    public delegate string SelectBuilder<in TItem>(TItem item, int row, ParameterList parameters);

    /// <summary>Runs the items and returns, per item index, either the value read from its row or its failure.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="inTransaction">Whether the connection is inside the caller's transaction: then each round trip
    /// runs under a savepoint, since one error would otherwise abort the caller's whole transaction.</param>
    /// <param name="items">What to read.</param>
    /// <param name="select">The SELECT of one item.</param>
    /// <param name="read">Reads an item's value from its row.</param>
    /// <param name="classify">Turns an item's server error into its failure.</param>
    /// <param name="statementTimeout">The session's statement timeout, which bounds each statement.</param>
    /// <param name="advanced">Told how many items each round trip settled.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<ProbeResult<T>[]> RunAsync<TItem, T>(
        NpgsqlConnection connection,
        bool inTransaction,
        IReadOnlyList<TItem> items,
        SelectBuilder<TItem> select,
        Func<NpgsqlDataReader, T> read,
        Func<TItem, PostgresException, Failure> classify,
        TimeSpan statementTimeout,
        Action<int>? advanced,
        CancellationToken cancellationToken)
    {
        var results = new ProbeResult<T>[items.Count];
        var run = new RoundTrips<TItem, T>(connection, inTransaction, items, select, read, results, statementTimeout, cancellationToken);
        var statements = Enumerable.Range(0, (items.Count + ItemsPerStatement - 1) / ItemsPerStatement)
            .Select(s => new StatementRange(s * ItemsPerStatement, Math.Min(ItemsPerStatement, items.Count - (s * ItemsPerStatement))));
        foreach (var (statement, error) in await run.ExecuteAsync(statements, advanced).ConfigureAwait(false))
        {
            // Run a failed statement's items one at a time, so that each failure names its item.
            List<(StatementRange Statement, PostgresException Error)> failures = statement.Count == 1
                ? [(statement, error)]
                : await run.ExecuteAsync(statement.Items.Select(i => new StatementRange(i, 1)), null).ConfigureAwait(false);
            foreach (var (single, singleError) in failures)
            {
                results[single.Start] = ProbeResult<T>.Failed(classify(items[single.Start], singleError));
            }
        }

        return results;
    }

    /// <summary>Adds positional parameters to a statement being built.</summary>
    internal sealed class ParameterList(NpgsqlParameterCollection parameters)
    {
        /// <summary>Adds a bigint parameter (null allowed) and returns its placeholder, such as <c>$3</c>.</summary>
        public string AddBigint(long? value)
        {
            parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value ?? (object)DBNull.Value });
            return "$" + parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Items <paramref name="Start"/> to <paramref name="Start"/> + <paramref name="Count"/> - 1, read by one statement.</summary>
    private readonly record struct StatementRange(int Start, int Count)
    {
        public IEnumerable<int> Items => Enumerable.Range(Start, Count);
    }

    private sealed class RoundTrips<TItem, T>(
        NpgsqlConnection connection,
        bool inTransaction,
        IReadOnlyList<TItem> items,
        SelectBuilder<TItem> select,
        Func<NpgsqlDataReader, T> read,
        ProbeResult<T>[] results,
        TimeSpan statementTimeout,
        CancellationToken cancellationToken)
    {
        /// <summary>Runs the statements round trip by round trip and returns those that failed, with their error.</summary>
        public async Task<List<(
            StatementRange Statement, PostgresException Error)>> ExecuteAsync(IEnumerable<StatementRange> statements, Action<int>? advanced)
        {
            var failures = new List<(StatementRange Statement, PostgresException Error)>();
            var pending = new Queue<StatementRange>(statements);
            while (pending.Count > 0)
            {
                var trip = Enumerable.Range(0, Math.Min(StatementsPerRoundTrip, pending.Count)).Select(_ => pending.Dequeue()).ToList();
                var (finished, error) = await RoundTripAsync(trip).ConfigureAwait(false);
                var settled = error is null ? finished : finished + 1;
                if (error is not null)
                {
                    failures.Add((trip[finished], error));
                }

                advanced?.Invoke(trip.Take(settled).Sum(s => s.Count));

                // Statements after the failed one did not deliver their rows (Npgsql drops them once one fails), and
                // which of them failed too is not known: send them again.
                foreach (var statement in trip.Skip(settled))
                {
                    pending.Enqueue(statement);
                }
            }

            return failures;
        }

        // Returns how many statements (from the first) delivered their rows and, if the next one failed, its error.
        private async Task<(int Finished, PostgresException? Error)> RoundTripAsync(List<StatementRange> trip)
        {
            var batch = new NpgsqlBatch(connection)
            {
                EnableErrorBarriers = !inTransaction,
                Timeout = CommandTimeouts.For(statementTimeout * trip.Count),
            };
            await using var batchScope = batch.ConfigureAwait(false);
            if (inTransaction)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"SAVEPOINT {Savepoint}"));
            }

            foreach (var statement in trip)
            {
                var command = new NpgsqlBatchCommand();
                var parameters = new ParameterList(command.Parameters);
                command.CommandText = string.Join("\nUNION ALL\n", statement.Items.Select(i => select(items[i], i, parameters)));
                batch.BatchCommands.Add(command);
            }

            if (inTransaction)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand($"RELEASE SAVEPOINT {Savepoint}"));
            }

            // Each statement yields one result (SAVEPOINT and RELEASE yield none), so the results read so far say
            // which statement failed.
            var finished = 0;
            try
            {
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using var readerScope = reader.ConfigureAwait(false);
                do
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        results[reader.GetInt32(0)] = ProbeResult<T>.Read(read(reader));
                    }

                    finished++;
                }
                while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));

                return (trip.Count, null);
            }
            catch (NpgsqlException error) when (!cancellationToken.IsCancellationRequested && !ConnectionLoss.Is(error, connection)
                                                && finished < trip.Count && FirstServerError(error) is { } first)
            {
                if (inTransaction)
                {
                    var rollback = new NpgsqlCommand($"ROLLBACK TO SAVEPOINT {Savepoint}; RELEASE SAVEPOINT {Savepoint}", connection);
                    await using var rollbackScope = rollback.ConfigureAwait(false);
                    await rollback.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                return (finished, first);
            }
        }

        // With error barriers, Npgsql reports every failed statement of the round trip at once, in order.
        private PostgresException? FirstServerError(NpgsqlException error) => error switch
        {
            PostgresException single => single,
            { InnerException: AggregateException all } when all.InnerExceptions.All(
                e => e is PostgresException p && !ConnectionLoss.Is(p, connection)) =>
                (PostgresException)all.InnerExceptions[0],
            _ => null,
        };
    }
}
