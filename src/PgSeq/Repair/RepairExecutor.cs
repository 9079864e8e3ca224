using Npgsql;
using PgSeq.Diagnosis;
using PgSeq.Probing;
using PgSeq.Session;

namespace PgSeq.Repair;

/// <summary>Runs repair transactions: the only code in pgseq that writes.</summary>
internal static class RepairExecutor
{
    /// <summary>Repairs sent per round trip: each still commits (or fails) on its own.</summary>
    public const int RepairsPerRoundTrip = 32;

    /// <summary>
    /// Repairs the jobs in order, <see cref="RepairsPerRoundTrip"/> transactions per round trip, filling in each job's
    /// outcome as it completes. A server error on one (lock timeout, missing privilege) rolls that one back, becomes
    /// its failure, and the run goes on with the next; a broken connection or a cancellation propagates after the
    /// rollback, leaving the jobs known to be done filled in.
    /// </summary>
    public static async Task<RepairJob[]> RunAsync(
        NpgsqlConnection connection, IReadOnlyList<RepairJob> jobs, RepairPolicy policy, CheckOptions options, RepairBoundary boundary,
        SequenceHold hold, Action<int>? advanced, CancellationToken cancellationToken)
    {
        var next = 0;
        while (next < jobs.Count)
        {
            var count = Math.Min(RepairsPerRoundTrip, jobs.Count - next);
            var batch = new NpgsqlBatch(connection)
            {
                Timeout = CommandTimeouts.For((options.StatementTimeout + options.LockTimeout) * count),
            };
            await using var batchScope = batch.ConfigureAwait(false);
            // Only the round trip's last repair waits for the WAL flush at its commit; the flush covers the earlier
            // commits too (the WAL is one sequence), so the round trip's repairs are reported once they would survive
            // a crash. The last repair writes WAL, and so flushes, whenever it moves its sequence or takes its ACCESS
            // EXCLUSIVE hold (logged for standbys). After a failed repair, the WAL writer flushes the earlier ones
            // within wal_writer_delay (200 ms by default), or the next round trip does.
            var ends = new int[count];
            for (var i = next; i < next + count; i++)
            {
                foreach (var statement in RepairScript.Statements(
                    jobs[i], policy, options, boundary, hold, deferFlush: i < next + count - 1, printed: false))
                {
                    batch.BatchCommands.Add(new NpgsqlBatchCommand(statement));
                }

                ends[i - next] = batch.BatchCommands.Count - 1;
            }

            // The reader yields one result per repair (its SELECT); BEGIN, LOCK, ALTER and COMMIT yield none. A result
            // read is kept only once the batch got past that repair's COMMIT.
            var results = new List<RepairResult>();
            try
            {
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    do
                    {
                        if (reader.FieldCount == 6 && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            results.Add(Read(reader, jobs[next + results.Count].Sequence.Definition));
                        }
                    }
                    while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
                }

                for (var i = 0; i < count; i++)
                {
                    jobs[next + i].Result = i < results.Count ? results[i] : throw new InvalidOperationException(
                        $"the repair of {jobs[next + i].Sequence.Name} returned no row");
                }

                advanced?.Invoke(count);
                next += count;
            }
            catch (PostgresException error) when (!cancellationToken.IsCancellationRequested && !ConnectionLoss.Is(error, connection))
            {
                // The server skipped everything after the failed statement, so the repairs whose SELECT was read
                // committed, and the failed one is the next.
                await RollbackAsync(connection, boundary).ConfigureAwait(false);
                var failed = next + results.Count;
                for (var i = next; i < failed; i++)
                {
                    jobs[i].Result = results[i - next];
                }

                var job = jobs[failed];
                var tables = string.Join(", ", job.Sequence.MeasuredColumns.Select(c => c.Table).Distinct());
                job.Failure = ServerErrors.Classify(error, Phrases.RepairSubject(job.Sequence.Name, tables), options, repairing: true);
                advanced?.Invoke(failed - next + 1);
                next = failed + 1;
            }
            catch (OperationCanceledException)
            {
                // Every repair whose SELECT was read before another's has committed. The last one read may or may not
                // have: the sequence itself says.
                await RollbackAsync(connection, boundary).ConfigureAwait(false);
                for (var i = 0; i < results.Count; i++)
                {
                    if (i < results.Count - 1 || await CommittedAsync(connection, jobs[next + i], results[i]).ConfigureAwait(false))
                    {
                        jobs[next + i].Result = results[i];
                    }
                }

                throw;
            }
            catch (NpgsqlException)
            {
                // The connection is gone: a repair committed when the server answered its last statement (the reader
                // records each statement's completion as it passes). Any other is left unreported, still in drift: a
                // rerun finds out.
                for (var i = 0; i < results.Count && batch.BatchCommands[ends[i]].StatementType != StatementType.Unknown; i++)
                {
                    jobs[next + i].Result = results[i];
                }

                throw;
            }
        }

        return [.. jobs];
    }

    private static async Task<bool> CommittedAsync(NpgsqlConnection connection, RepairJob job, RepairResult result)
    {
        if (result.Moved is not { } moved)
        {
            return true;
        }

        try
        {
            var read = new NpgsqlCommand($"SELECT {ProbeSql.State(job.Sequence.Name)}", connection);
            await using var readScope = read.ConfigureAwait(false);
            var reader = await read.ExecuteReaderAsync(CancellationToken.None).ConfigureAwait(false);
            await using var readerScope = reader.ConfigureAwait(false);
            return await reader.ReadAsync(CancellationToken.None).ConfigureAwait(false)
                && reader.GetInt64(0) == moved.Value && reader.GetBoolean(1) == moved.IsCalled;
        }
        catch (NpgsqlException)
        {
            return false;
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
                var rollback = new NpgsqlCommand(sql, connection);
                await using var rollbackScope = rollback.ConfigureAwait(false);
                await rollback.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
            catch (NpgsqlException)
            {
                // Nothing more to undo: a connection that cannot roll back has no transaction left on the server.
            }
        }
    }
}
