using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Check;

/// <summary>
/// Probes travel many to a round trip; a probe that fails (here: its table is locked by another session) costs only its
/// own sequence, wherever it sits among the others, and never the caller's transaction.
/// </summary>
public sealed class ProbeIsolationTests(PostgresServer server)
{
    private const int Tables = 70;

    private static readonly string[] Locked = ["t005", "t045", "t062"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<TestDatabase> CreateAsync(PostgresServer server)
    {
        var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync($"""
            DO $$ BEGIN
              FOR i IN 1..{Tables} LOOP
                EXECUTE format('CREATE TABLE t%s (id serial PRIMARY KEY); INSERT INTO t%s VALUES (%s);', lpad(i::text, 3, '0'), lpad(i::text, 3, '0'), i);
              END LOOP;
            END $$;
            """);
        return db;
    }

    private static async Task<NpgsqlTransaction> LockAsync(NpgsqlConnection holder)
    {
        var transaction = await holder.BeginTransactionAsync(Cancel);
        await using var command = new NpgsqlCommand($"LOCK TABLE {string.Join(", ", Locked)} IN ACCESS EXCLUSIVE MODE", holder, transaction);
        await command.ExecuteNonQueryAsync(Cancel);
        return transaction;
    }

    private static void AssertOnlyLockedAreBusy(DriftReport report, long ownRowInT010 = 10)
    {
        for (var i = 1; i <= Tables; i++)
        {
            var table = $"t{i:D3}";
            var sequence = report.For($"public.{table}_id_seq");
            if (Locked.Contains(table))
            {
                Assert.Equal((SequenceStatus.Busy, Finding.LockTimeout), (sequence.Status, sequence.Finding));
            }
            else
            {
                var max = i == 10 ? ownRowInT010 : i;
                Assert.True(sequence.Status == SequenceStatus.Drift && sequence.ColumnExtreme == max, $"{table}: {sequence.Status} {sequence.ColumnExtreme}");
            }
        }
    }

    [Fact]
    public async Task Failed_probes_spread_over_one_round_trip_cost_only_their_own_sequences()
    {
        await using var db = await CreateAsync(server);
        await using var holder = await db.DataSource.OpenConnectionAsync(Cancel);
        await using var locks = await LockAsync(holder);

        var report = await SequenceDrift.CheckAsync(db.DataSource, new CheckOptions { LockTimeout = TimeSpan.FromMilliseconds(200) }, Cancel);

        AssertOnlyLockedAreBusy(report);
    }

    [Fact]
    public async Task Inside_the_callers_transaction_failed_probes_leave_it_usable_and_its_own_rows_count()
    {
        await using var db = await CreateAsync(server);
        await using var holder = await db.DataSource.OpenConnectionAsync(Cancel);
        await using var locks = await LockAsync(holder);
        await using var connection = await db.DataSource.OpenConnectionAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        await using (var insert = new NpgsqlCommand("INSERT INTO t010 VALUES (500)", connection, transaction))
        {
            await insert.ExecuteNonQueryAsync(Cancel);
        }

        var report = await SequenceDrift.CheckAsync(connection, new CheckOptions { LockTimeout = TimeSpan.FromMilliseconds(200) }, Cancel);

        AssertOnlyLockedAreBusy(report, ownRowInT010: 500);
        await using var still = new NpgsqlCommand("SELECT count(*) FROM t010", connection, transaction);
        Assert.Equal(2L, await still.ExecuteScalarAsync(Cancel));
        await transaction.CommitAsync(Cancel);
    }
}
