using Npgsql;
using NpgsqlTypes;
using PgSeq.Diagnosis;

namespace PgSeq.Probing;

/// <summary>
/// Reads one row per item with as few round trips as possible: items are sent as one <c>UNION ALL</c> statement per
/// chunk. When a chunk fails (a missing privilege, a timeout on one huge table), its items are run one by one so the
/// failure lands on the item that caused it and the others still get their answer.
/// </summary>
internal static class ChunkedQuery
{
    /// <summary>Items per statement: large enough that round trips stop mattering, small enough that one failure is
    /// cheap to isolate and a statement's text stays far below the server's limits.</summary>
    public const int ChunkSize = 500;

    /// <summary>Builds the SELECT for one item. Its first column must be <paramref name="row"/>; parameters are added
    /// through <paramref name="parameters"/>, which returns the placeholder to put in the text.</summary>
    public delegate string SelectBuilder<in TItem>(TItem item, int row, ParameterList parameters);

    /// <summary>Runs the items and returns, per item index, either the value read from its row or the verdict for its failure.</summary>
    public static async Task<(T? Value, Verdict? Failure)[]> RunAsync<TItem, T>(
        NpgsqlConnection connection,
        IReadOnlyList<TItem> items,
        SelectBuilder<TItem> select,
        Func<NpgsqlDataReader, T> read,
        Func<TItem, PostgresException, Verdict> classify,
        TimeSpan statementTimeout,
        Action<int>? advanced,
        CancellationToken cancellationToken)
    {
        var results = new (T? Value, Verdict? Failure)[items.Count];
        for (var start = 0; start < items.Count; start += ChunkSize)
        {
            var count = Math.Min(ChunkSize, items.Count - start);
            try
            {
                await ReadAsync(connection, items, start, count, select, read, results, statementTimeout, cancellationToken);
            }
            catch (PostgresException chunkError) when (!cancellationToken.IsCancellationRequested && !ConnectionLoss.Is(chunkError, connection) && count > 1)
            {
                for (var i = start; i < start + count; i++)
                {
                    try
                    {
                        await ReadAsync(connection, items, i, 1, select, read, results, statementTimeout, cancellationToken);
                    }
                    catch (PostgresException error) when (!cancellationToken.IsCancellationRequested && !ConnectionLoss.Is(error, connection))
                    {
                        results[i] = (default, classify(items[i], error));
                    }
                }
            }
            catch (PostgresException error) when (!cancellationToken.IsCancellationRequested && !ConnectionLoss.Is(error, connection))
            {
                results[start] = (default, classify(items[start], error));
            }

            advanced?.Invoke(count);
        }

        return results;
    }

    private static async Task ReadAsync<TItem, T>(
        NpgsqlConnection connection,
        IReadOnlyList<TItem> items,
        int start,
        int count,
        SelectBuilder<TItem> select,
        Func<NpgsqlDataReader, T> read,
        (T? Value, Verdict? Failure)[] results,
        TimeSpan statementTimeout,
        CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        var parameters = new ParameterList(command);
        command.CommandText = string.Join("\nUNION ALL\n", Enumerable.Range(start, count).Select(i => select(items[i], i, parameters)));
        command.CommandTimeout = CommandTimeouts.For(statementTimeout);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            results[reader.GetInt32(0)] = (read(reader), null);
        }
    }

    /// <summary>Adds positional parameters to a command being built.</summary>
    internal sealed class ParameterList(NpgsqlCommand command)
    {
        /// <summary>Adds a bigint parameter (null allowed) and returns its placeholder, such as <c>$3</c>.</summary>
        public string AddBigint(long? value)
        {
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Bigint, Value = value ?? (object)DBNull.Value });
            return "$" + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
