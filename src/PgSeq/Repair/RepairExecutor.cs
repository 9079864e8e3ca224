using Npgsql;
using PgSeq.Catalog;
using PgSeq.Diagnosis;
using PgSeq.Probing;

namespace PgSeq.Repair;

/// <summary>Runs repair transactions: the only code in pgseq that writes.</summary>
internal static class RepairExecutor
{
    /// <summary>
    /// Repairs one sequence in one round trip. A server error (lock timeout, missing privilege) rolls the transaction
    /// back and becomes the sequence's verdict; a broken connection or a cancellation propagates after the rollback.
    /// </summary>
    public static async Task<(RepairResult? Result, Verdict? Failure)> RunAsync(
        NpgsqlConnection connection, CatalogSequence sequence, RepairPolicy policy, CheckOptions options, long? floor, RepairBoundary boundary,
        CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection)
        {
            Timeout = CommandTimeouts.For(options.StatementTimeout + options.LockTimeout),
        };
        foreach (var statement in RepairScript.Statements(sequence, policy, options, floor, boundary))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
        }

        try
        {
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            RepairResult? result = null;
            do
            {
                if (reader.FieldCount == 6 && await reader.ReadAsync(cancellationToken))
                {
                    result = Read(reader, sequence.Definition);
                }
            }
            while (await reader.NextResultAsync(cancellationToken));

            return (result ?? throw new InvalidOperationException($"the repair of {sequence.Name} returned no row"), null);
        }
        catch (PostgresException error) when (!cancellationToken.IsCancellationRequested && !ConnectionLoss.Is(error, connection))
        {
            await RollbackAsync(connection, boundary);
            var tables = string.Join(", ", sequence.MeasuredColumns.Select(c => c.Table).Distinct());
            return (null, ProbeFailure.Classify(error, Phrases.RepairSubject(sequence.Name, tables), options));
        }
        catch (OperationCanceledException)
        {
            await RollbackAsync(connection, boundary);
            throw;
        }
    }

    private static RepairResult Read(NpgsqlDataReader reader, SequenceDefinition definition)
    {
        var before = new SequenceState(reader.GetInt64(0), reader.GetBoolean(1));
        var extreme = reader.IsDBNull(2) ? (long?)null : reader.GetInt64(2);
        SequenceMove? moved = null;
        if (!reader.IsDBNull(3))
        {
            var value = reader.GetInt64(3);
            var isCalled = reader.GetBoolean(4);
            moved = new SequenceMove(value, isCalled, isCalled ? value + definition.Increment : value);
        }

        return new RepairResult(before, extreme, moved, reader.GetFieldValue<TimeSpan>(5));
    }

    // The transaction is aborted (or cut short by a cancellation); end it so the connection can go on. Inside the
    // caller's transaction only the savepoint is undone. If the connection itself is gone, the server has already
    // rolled back.
    private static async Task RollbackAsync(NpgsqlConnection connection, RepairBoundary boundary)
    {
        if (connection.FullState.HasFlag(System.Data.ConnectionState.Open))
        {
            try
            {
                var sql = boundary == RepairBoundary.Transaction
                    ? "ROLLBACK"
                    : $"ROLLBACK TO SAVEPOINT {RepairScript.Savepoint}; RELEASE SAVEPOINT {RepairScript.Savepoint}";
                await using var rollback = new NpgsqlCommand(sql, connection);
                await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // Nothing more to undo: a connection that cannot roll back has no transaction left on the server.
            }
        }
    }
}
