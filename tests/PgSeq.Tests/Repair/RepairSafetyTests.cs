using System.Diagnostics;
using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Repair;

/// <summary>The repair is atomic against writers and nextval() callers, bounded in its waits, and refuses what it may not do.</summary>
public sealed class RepairSafetyTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Lock_table_refuses_sequences_but_alter_sequence_holds_nextval_callers_until_commit()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE SEQUENCE s;");
        await using var holder = await db.DataSource.OpenConnectionAsync(Cancel);
        await using var transaction = await holder.BeginTransactionAsync(Cancel);

        var refused = await Assert.ThrowsAsync<PostgresException>(() => Execute(holder, "LOCK TABLE s"));
        // The wording differs by major ("is not a table or view" before 15, "not supported for sequences" since); the code does not.
        Assert.Equal(PostgresErrorCodes.WrongObjectType, refused.SqlState);
        await transaction.RollbackAsync(Cancel);

        await using var alter = await holder.BeginTransactionAsync(Cancel);
        await Execute(holder, "ALTER SEQUENCE s INCREMENT BY 1");
        await AssertNextvalWaitsAsync(db);

        await Execute(holder, "SELECT setval('s', 500)");
        await alter.RollbackAsync(Cancel);
        Assert.Equal((1L, false), await db.SequenceStateAsync("s"));
    }

    [Theory]
    [InlineData("", "LOGGED")]
    [InlineData("UNLOGGED", "UNLOGGED")]
    public async Task Alter_sequence_set_to_its_own_persistence_holds_nextval_callers_without_new_storage(string kind, string persistence)
    {
        await using var db = await server.CreateDatabaseAsync();
        Assert.SkipWhen(await db.ScalarAsync<int>("SELECT current_setting('server_version_num')::int") < 150000, "ALTER SEQUENCE SET LOGGED needs PostgreSQL 15");
        await db.ExecuteAsync($"CREATE {kind} SEQUENCE s;");
        var storage = await db.ScalarAsync<uint>("SELECT relfilenode FROM pg_class WHERE oid = 's'::regclass");
        await using var holder = await db.DataSource.OpenConnectionAsync(Cancel);

        await using (var alter = await holder.BeginTransactionAsync(Cancel))
        {
            await Execute(holder, $"ALTER SEQUENCE s SET {persistence}");
            await AssertNextvalWaitsAsync(db);

            // No new storage, so setval() is not undone by a rollback: the repair makes it its last step.
            await Execute(holder, "SELECT setval('s', 500)");
            await alter.RollbackAsync(Cancel);
        }

        Assert.Equal((500L, true), await db.SequenceStateAsync("s"));
        Assert.Equal(storage, await db.ScalarAsync<uint>("SELECT relfilenode FROM pg_class WHERE oid = 's'::regclass"));
        Assert.Equal(kind == "UNLOGGED" ? 'u' : 'p', await db.ScalarAsync<char>("SELECT relpersistence FROM pg_class WHERE oid = 's'::regclass"));
    }

    [Fact]
    public async Task A_table_held_by_a_long_transaction_is_busy_after_the_lock_timeout_and_the_rest_are_repaired()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE held (id serial PRIMARY KEY); INSERT INTO held VALUES (10);
            CREATE TABLE free (id serial PRIMARY KEY); INSERT INTO free VALUES (10);
            """);
        await using var holder = await db.DataSource.OpenConnectionAsync(Cancel);
        await using var transaction = await holder.BeginTransactionAsync(Cancel);
        await Execute(holder, "INSERT INTO held VALUES (20)");

        var clock = Stopwatch.StartNew();
        var report = await SequenceDrift.FixAsync(db.DataSource, new FixOptions { LockTimeout = TimeSpan.FromMilliseconds(300) }, Cancel);
        clock.Stop();

        var held = report.For("public.held_id_seq");
        Assert.Equal((SequenceStatus.Busy, Finding.LockTimeout), (held.Status, held.Finding));
        Assert.Contains("300ms", held.Reason.ToString(), StringComparison.Ordinal);
        Assert.Equal(SequenceStatus.Ok, report.For("public.free_id_seq").Status);
        Assert.False(report.Complete);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"fix took {clock.Elapsed}");
        await transaction.RollbackAsync(Cancel);
        Assert.Equal((1L, false), await db.SequenceStateAsync("held_id_seq"));
    }

    [Fact]
    public async Task An_in_flight_writer_is_waited_out_so_its_uncommitted_rows_count()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t (id serial PRIMARY KEY); INSERT INTO t VALUES (10);");
        await using var writer = await db.DataSource.OpenConnectionAsync(Cancel);
        await using var transaction = await writer.BeginTransactionAsync(Cancel);
        await Execute(writer, "INSERT INTO t VALUES (500)");

        var fix = SequenceDrift.FixAsync(db.DataSource, new FixOptions { LockTimeout = TimeSpan.FromSeconds(20) }, Cancel);
        await Task.Delay(500, Cancel);
        Assert.False(fix.IsCompleted);
        await transaction.CommitAsync(Cancel);
        var report = await fix;

        Assert.Equal(501, report.For("public.t_id_seq").NextValue);
        Assert.Equal(501, await db.ScalarAsync<int>("INSERT INTO t DEFAULT VALUES RETURNING id"));
    }

    [Fact]
    public async Task A_role_that_does_not_own_the_sequence_is_refused_before_anything_is_locked()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE loans (id serial PRIMARY KEY); INSERT INTO loans VALUES (28);");
        await using var app = await TestRole.CreateAsync(db, "GRANT ALL ON ALL TABLES IN SCHEMA public TO {role}; GRANT ALL ON ALL SEQUENCES IN SCHEMA public TO {role};");

        var report = await SequenceDrift.FixAsync(app.DataSource, null, Cancel);

        var loans = report.For("public.loans_id_seq");
        Assert.Equal((SequenceStatus.Error, Finding.PermissionDenied), (loans.Status, loans.Finding));
        Assert.Contains("repair as postgres", loans.Reason.ToString(), StringComparison.Ordinal);
        Assert.Equal((1L, false), await db.SequenceStateAsync("loans_id_seq"));
        Assert.Equal(SequenceStatus.Drift, (await SequenceDrift.CheckAsync(app.DataSource, null, Cancel)).For("public.loans_id_seq").Status);
    }

    [Fact]
    public async Task Fix_refuses_a_read_only_database_up_front_while_check_works()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync($"CREATE TABLE t (id serial); INSERT INTO t VALUES (5); ALTER DATABASE {db.Name} SET default_transaction_read_only = on;");
        await using var fresh = NpgsqlDataSource.Create(db.ConnectionString + ";Pooling=false");

        var refusal = await Assert.ThrowsAsync<PgSeqException>(() => SequenceDrift.FixAsync(fresh, null, Cancel));
        Assert.Contains("default_transaction_read_only", refusal.Message, StringComparison.Ordinal);
        Assert.Equal(SequenceStatus.Drift, (await SequenceDrift.CheckAsync(fresh, null, Cancel)).Sequences[0].Status);
        Assert.Equal(SequenceStatus.Drift, (await SequenceDrift.FixAsync(fresh, new FixOptions { DryRun = true }, Cancel)).Sequences[0].Status);
    }

    // Another session's nextval('s') cannot get the sequence's lock within 300 ms.
    private static async Task AssertNextvalWaitsAsync(TestDatabase db)
    {
        await using var caller = await db.DataSource.OpenConnectionAsync(Cancel);
        await Execute(caller, "SET lock_timeout = '300ms'");
        var blocked = await Assert.ThrowsAsync<PostgresException>(() => Execute(caller, "SELECT nextval('s')"));
        Assert.Equal(PostgresErrorCodes.LockNotAvailable, blocked.SqlState);
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancel);
    }
}
