using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Api;

/// <summary>The library used from inside an application: on the caller's connection and in the caller's transaction.</summary>
public sealed class LibraryApiTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static async Task<string> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (await command.ExecuteScalarAsync(Cancel))?.ToString() ?? string.Empty;
    }

    [Fact]
    public async Task Check_on_the_callers_connection_sees_its_uncommitted_rows_and_restores_its_timeouts_row_security_and_jit()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t (id serial PRIMARY KEY);");
        await using var connection = await db.DataSource.OpenConnectionAsync(Cancel);
        await ScalarAsync(connection, "SET statement_timeout = '42s'");
        await ScalarAsync(connection, "SET jit = on");
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        await ScalarAsync(connection, "INSERT INTO t VALUES (77) RETURNING id");

        var report = await SequenceDrift.CheckAsync(connection, null, Cancel);

        Assert.Equal(77, report.For("public.t_id_seq").ColumnExtreme);
        Assert.Equal("42s", await ScalarAsync(connection, "SHOW statement_timeout"));
        Assert.Equal("0", await ScalarAsync(connection, "SHOW lock_timeout"));
        Assert.Equal("on", await ScalarAsync(connection, "SHOW row_security"));
        Assert.Equal("on", await ScalarAsync(connection, "SHOW jit"));
    }

    [Fact]
    public async Task Fix_in_the_callers_transaction_commits_with_it_and_holds_nextval_callers_until_then()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE loans (id serial PRIMARY KEY);");
        await using var connection = await db.DataSource.OpenConnectionAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        await ScalarAsync(connection, "INSERT INTO loans SELECT generate_series(1, 28) RETURNING 1");

        var report = await SequenceDrift.FixAsync(transaction, null, Cancel);
        Assert.Equal(29, report.For("public.loans_id_seq").NextValue);

        await using (var other = await db.DataSource.OpenConnectionAsync(Cancel))
        {
            await ScalarAsync(other, "SET lock_timeout = '200ms'");
            var held = await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(other, "SELECT nextval('loans_id_seq')"));
            Assert.Equal(PostgresErrorCodes.LockNotAvailable, held.SqlState);
        }

        await transaction.CommitAsync(Cancel);
        Assert.Equal(29, await db.ScalarAsync<int>("INSERT INTO loans DEFAULT VALUES RETURNING id"));
    }

    [Fact]
    public async Task A_rolled_back_caller_transaction_takes_the_repair_with_it()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE loans (id serial PRIMARY KEY); INSERT INTO loans VALUES (5);");
        await using var connection = await db.DataSource.OpenConnectionAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);

        Assert.Equal(1, (await SequenceDrift.FixAsync(transaction, null, Cancel)).Summary.Repaired);
        await transaction.RollbackAsync(Cancel);

        Assert.Equal((1L, false), await db.SequenceStateAsync("loans_id_seq"));
    }

    [Fact]
    public async Task In_the_callers_transaction_a_busy_sequence_is_rolled_back_alone_and_the_transaction_goes_on()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE held (id serial); INSERT INTO held VALUES (9); CREATE TABLE free (id serial); INSERT INTO free VALUES (9);");
        await using var holder = await db.DataSource.OpenConnectionAsync(Cancel);
        await using var holding = await holder.BeginTransactionAsync(Cancel);
        await ScalarAsync(holder, "INSERT INTO held VALUES (10) RETURNING 1");
        await using var connection = await db.DataSource.OpenConnectionAsync(Cancel);
        await ScalarAsync(connection, "SET lock_timeout = '1min'");
        await using var transaction = await connection.BeginTransactionAsync(Cancel);

        var report = await SequenceDrift.FixAsync(transaction, new FixOptions { LockTimeout = TimeSpan.FromMilliseconds(200) }, Cancel);
        await ScalarAsync(connection, "SELECT 1");
        await transaction.CommitAsync(Cancel);

        Assert.Equal(SequenceStatus.Busy, report.For("public.held_id_seq").Status);
        Assert.Equal(10, await db.ScalarAsync<int>("INSERT INTO free DEFAULT VALUES RETURNING id"));
        Assert.Equal("1min", await ScalarAsync(connection, "SHOW lock_timeout"));
        await holding.RollbackAsync(Cancel);
    }

    [Fact]
    public async Task Fix_on_the_callers_connection_uses_its_own_transactions_and_refuses_one_already_open()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t (id serial); INSERT INTO t VALUES (12);");
        await using var connection = await db.DataSource.OpenConnectionAsync(Cancel);

        Assert.Equal(13, (await SequenceDrift.FixAsync(connection, null, Cancel)).For("public.t_id_seq").NextValue);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => SequenceDrift.FixAsync(connection, null, Cancel));
        Assert.Contains("pass that transaction", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_closed_connection_or_a_finished_transaction_is_refused_as_an_argument_error()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var closed = db.DataSource.CreateConnection();

        await Assert.ThrowsAsync<ArgumentException>(() => SequenceDrift.CheckAsync(closed, null, Cancel));
        await using var connection = await db.DataSource.OpenConnectionAsync(Cancel);
        var transaction = await connection.BeginTransactionAsync(Cancel);
        await transaction.CommitAsync(Cancel);
        await Assert.ThrowsAsync<ArgumentException>(() => SequenceDrift.FixAsync(transaction, null, Cancel));
    }

    // 4,200 sequences: more than one window of the run (4,000), in three tables of 1,400 serial columns.
    private const string ManySequences = """
        DO $$
        BEGIN
          FOR t IN 1..3 LOOP
            EXECUTE format('CREATE TABLE wide_%s (%s)', t, (SELECT string_agg(format('c%s serial', c), ', ') FROM generate_series(1, 1400) AS c));
            EXECUTE format('INSERT INTO wide_%s VALUES (%s)', t, (SELECT string_agg('5', ', ') FROM generate_series(1, 1400)));
          END LOOP;
        END
        $$;
        """;

    [Fact]
    public async Task The_reader_hands_out_every_sequence_once_in_order_and_the_totals_after_the_last()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(ManySequences);

        await using var reader = await SequenceDrift.OpenCheckAsync(db.DataSource, null, Cancel);
        Assert.Throws<InvalidOperationException>(() => reader.Summary);
        var names = new List<string>();
        await foreach (var sequence in reader.ReadAllAsync(Cancel))
        {
            Assert.Equal(SequenceStatus.Drift, sequence.Status);
            names.Add(sequence.Sequence.Name);
        }

        Assert.Equal(4200, names.Count);
        Assert.Equal(names.Order(StringComparer.Ordinal), names);
        Assert.Equal((4200, 4200), (reader.Summary.Sequences, reader.Summary.Drift));
        Assert.Throws<InvalidOperationException>(() => reader.ReadAllAsync(Cancel));
    }

    [Fact]
    public async Task A_fix_read_to_its_end_repairs_every_window_and_one_cancelled_after_the_first_window_stops_there()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(ManySequences);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);

        await using (var cancelled = await SequenceDrift.OpenFixAsync(db.DataSource, null, Cancel))
        {
            var read = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
            {
                await foreach (var sequence in cancelled.ReadAllAsync(stop.Token))
                {
                    Assert.True(sequence.Repair is { Applied: true }, sequence.Reason.ToString());
                    if (++read == 1)
                    {
                        await stop.CancelAsync();
                    }
                }
            });
            Assert.True(cancelled.Interrupted);
            Assert.Equal(4000, cancelled.Summary.Repaired);
        }

        var rest = await SequenceDrift.FixAsync(db.DataSource, null, Cancel);
        Assert.Equal((200, 4200), (rest.Summary.Repaired, rest.Summary.Sequences));
        Assert.Equal(Attention.None, (await SequenceDrift.CheckAsync(db.DataSource, null, Cancel)).Attention);
    }
}
