using System.Diagnostics;
using System.Text.Json;
using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Safety;

/// <summary>fix killed, interrupted, cut off from its server, blocked by long transactions, or run twice at once.</summary>
public sealed class FaultTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static string Table(int i) => $"t{i:D3}";

    private static async Task CreateDriftedTablesAsync(TestDatabase db, int count) =>
        await db.ExecuteAsync($"""
            DO $$ BEGIN
              FOR i IN 1..{count} LOOP
                EXECUTE format('CREATE TABLE t%s (id serial PRIMARY KEY); INSERT INTO t%s VALUES (100);', lpad(i::text, 3, '0'), lpad(i::text, 3, '0'));
              END LOOP;
            END $$;
            """);

    // zz_blocked, drifted, with an uncommitted insert that makes a repair wait for its lock (readers do not wait).
    private static async Task<HeldTable> BlockedWriterAsync(TestDatabase db)
    {
        await db.ExecuteAsync("CREATE TABLE zz_blocked (id serial PRIMARY KEY); INSERT INTO zz_blocked VALUES (100);");
        return await HeldTable.WriteAsync(db, "INSERT INTO zz_blocked VALUES (200)");
    }

    private static async Task<List<(long LastValue, bool IsCalled)>> StatesAsync(TestDatabase db, int count)
    {
        var sql = string.Join(" UNION ALL ", Enumerable.Range(1, count).Select(i => $"SELECT {i} AS i, last_value, is_called FROM {Table(i)}_id_seq")) + " ORDER BY i";
        await using var command = db.DataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(Cancel);
        var states = new List<(long, bool)>();
        while (await reader.ReadAsync(Cancel))
        {
            states.Add((reader.GetInt64(1), reader.GetBoolean(2)));
        }

        return states;
    }

    [Fact]
    public async Task Killed_at_random_points_every_sequence_is_untouched_or_fully_repaired_and_the_next_run_finishes()
    {
        const int Count = 400;
        await using var db = await server.CreateDatabaseAsync();
        await CreateDriftedTablesAsync(db, Count);
        var url = db.ConnectionStringForPsql();
        var reset = "DO $$ BEGIN FOR i IN 1.." + Count + " LOOP PERFORM setval(format('t%s_id_seq', lpad(i::text, 3, '0')), 1, false); END LOOP; END $$;";

        var clock = Stopwatch.StartNew();
        using (var calibration = PgSeqProcess.Start("fix", url))
        {
            Assert.Equal(0, (await calibration.WaitAsync(TimeSpan.FromMinutes(1))).ExitCode);
        }

        var fullRun = clock.Elapsed;
        var random = new Random(20261124);
        var partialRounds = 0;
        var rounds = new List<string>();
        for (var round = 0; round < 16; round++)
        {
            await db.ExecuteAsync(reset);
            using var fix = PgSeqProcess.Start("fix", url);

            // Even rounds die in the middle of the repairs, after a random number of them; odd rounds at a random
            // moment of the whole run (start-up, catalog, probes, repairs).
            if (round % 2 == 0)
            {
                var threshold = random.Next(1, Count - 50);
                await Eventually.HoldsAsync(
                    async () => await db.ScalarAsync<long>("SELECT count(*) FROM pg_sequences WHERE last_value = 100") >= threshold,
                    TimeSpan.FromMinutes(1), $"{threshold} sequences are repaired");
            }
            else
            {
                await Task.Delay(fullRun * random.NextDouble() * 1.1, Cancel);
            }

            fix.KillHard();
            await fix.WaitAsync(TimeSpan.FromSeconds(30));
            await Eventually.HoldsAsync(async () => await db.Server.PgSeqSessionsAsync(db.Name) == 0, TimeSpan.FromSeconds(30), "the killed pgseq's session ended");

            var states = await StatesAsync(db, Count);
            Assert.All(states, state => Assert.True(state is (1, false) or (100, true), $"half-repaired sequence: {state}"));
            var repaired = states.Count(s => s is (100, true));
            partialRounds += repaired is > 0 and < Count ? 1 : 0;
            rounds.Add(repaired.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        TestContext.Current.TestOutputHelper!.WriteLine($"sequences repaired when killed, per round: {string.Join(", ", rounds)}");
        Assert.True(partialRounds > 0, $"no round was killed in the middle of the repairs: {string.Join(", ", rounds)}");

        using var finish = PgSeqProcess.Start("fix", url);
        var result = await finish.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(result.ExitCode == 0, result.Output);
        Assert.All(await StatesAsync(db, Count), state => Assert.Equal((100L, true), state));
    }

    [Fact]
    public async Task Ctrl_c_cancels_the_waiting_query_rolls_back_that_sequence_prints_what_was_done_and_exits_130()
    {
        await using var db = await server.CreateDatabaseAsync();
        await CreateDriftedTablesAsync(db, 20);
        await using var writer = await BlockedWriterAsync(db);

        using var fix = PgSeqProcess.Start("fix", "--lock-timeout", "5min", db.ConnectionStringForPsql());
        await Eventually.HoldsAsync(async () => await db.Server.PgSeqSessionsAsync(db.Name, "Lock") == 1, TimeSpan.FromSeconds(30), "pgseq waits for the lock on zz_blocked");
        var clock = Stopwatch.StartNew();
        await fix.SignalAsync("INT");
        var result = await fix.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(result.ExitCode == 130, result.Output);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed} to stop");
        Assert.Contains("pgseq: interrupted: the sequence being repaired was rolled back; 20 repaired before the interruption are kept", result.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"\| public\.t020_id_seq +\| +100 \| +1 → 101 \| repaired \|", result.Stdout);
        Assert.Matches(@"\| public\.zz_blocked_id_seq +\| +100 \| +1 \| drift", result.Stdout);
        Assert.Contains("Interrupted after 21 of 21 sequences; 0 not read. 21 sequences: 20 repaired, 1 left in drift.", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.Equal(0, await db.Server.PgSeqSessionsAsync(db.Name));
        Assert.Equal((1L, false), await db.SequenceStateAsync("zz_blocked_id_seq"));
    }

    [Fact]
    public async Task Ctrl_c_during_check_before_any_sequence_was_read_says_so_and_never_nothing_to_check()
    {
        await using var db = await server.CreateDatabaseAsync();
        await CreateDriftedTablesAsync(db, 5);
        await db.ExecuteAsync("CREATE TABLE zz_held (id serial PRIMARY KEY); INSERT INTO zz_held VALUES (100);");
        await using var held = await HeldTable.LockAsync(db, "zz_held");

        using var check = PgSeqProcess.Start("check", "--lock-timeout", "5min", db.ConnectionStringForPsql());
        await Eventually.HoldsAsync(async () => await db.Server.PgSeqSessionsAsync(db.Name, "Lock") == 1, TimeSpan.FromSeconds(30), "pgseq waits for the lock on zz_held");
        await check.SignalAsync("INT");
        var result = await check.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(result.ExitCode == 130, result.Output);
        Assert.Contains("pgseq: interrupted: nothing was changed", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("| public.", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("checked:", result.Output, StringComparison.Ordinal);
        Assert.Contains("Interrupted before any of 6 sequences was read: nothing was changed.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ctrl_c_during_fix_json_still_ends_the_document_it_streamed_interrupted_with_what_was_done()
    {
        await using var db = await server.CreateDatabaseAsync();
        await CreateDriftedTablesAsync(db, 20);
        await using var writer = await BlockedWriterAsync(db);

        using var fix = PgSeqProcess.Start("fix", "--json", "--lock-timeout", "5min", db.ConnectionStringForPsql());
        await Eventually.HoldsAsync(async () => await db.Server.PgSeqSessionsAsync(db.Name, "Lock") == 1, TimeSpan.FromSeconds(30), "pgseq waits for the lock on zz_blocked");
        await fix.SignalAsync("INT");
        var result = await fix.WaitAsync(TimeSpan.FromSeconds(20));

        Assert.True(result.ExitCode == 130, result.Output);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("interrupted").GetBoolean());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("error").ValueKind);
        Assert.Equal(20, root.GetProperty("summary").GetProperty("repaired").GetInt32());
        Assert.Equal(21, root.GetProperty("sequences").GetArrayLength());
        Assert.Equal("drift", root.GetProperty("sequences")[20].GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_connection_dropped_during_fix_json_ends_the_document_with_the_error_and_what_was_done()
    {
        await using var db = await server.CreateDatabaseAsync();
        await CreateDriftedTablesAsync(db, 5);
        await using var writer = await BlockedWriterAsync(db);

        var run = CliRunner.RunAsync("fix", "--json", "--lock-timeout", "5min", db.ConnectionStringForPsql());
        await Eventually.HoldsAsync(async () => await db.Server.PgSeqSessionsAsync(db.Name, "Lock") == 1, TimeSpan.FromSeconds(30), "pgseq waits for the lock on zz_blocked");
        await db.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pgseq' AND datname = current_database()");
        var result = await run;

        Assert.True(result.ExitCode == 1, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.False(root.GetProperty("interrupted").GetBoolean());
        Assert.StartsWith("lost the connection to ", root.GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal(5, root.GetProperty("summary").GetProperty("repaired").GetInt32());
        Assert.Equal(
            ["ok", "ok", "ok", "ok", "ok", "drift"],
            root.GetProperty("sequences").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.StartsWith("pgseq: error: lost the connection to ", Assert.Single(result.Stderr.TrimEnd().Split('\n')), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dropped_connection_is_one_line_with_exit_1_and_the_rerun_succeeds()
    {
        await using var db = await server.CreateDatabaseAsync();
        await CreateDriftedTablesAsync(db, 5);
        await using var writer = await BlockedWriterAsync(db);

        var run = CliRunner.RunAsync("fix", "--lock-timeout", "5min", db.ConnectionStringForPsql());
        await Eventually.HoldsAsync(async () => await db.Server.PgSeqSessionsAsync(db.Name, "Lock") == 1, TimeSpan.FromSeconds(30), "pgseq waits for the lock on zz_blocked");
        await db.ExecuteAsync("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'pgseq' AND datname = current_database()");
        var result = await run;

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("pgseq: error: lost the connection to ", line, StringComparison.Ordinal);
        Assert.Contains("run pgseq again", line, StringComparison.Ordinal);
        await writer.CommitAsync();

        var rerun = await CliRunner.RunAsync("fix", db.ConnectionStringForPsql());
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(201, await db.ScalarAsync<int>("INSERT INTO zz_blocked DEFAULT VALUES RETURNING id"));
    }

    [Fact]
    public async Task Every_repair_reported_survives_a_server_crash_right_after_the_run()
    {
        const int Count = 100;
        Assert.SkipUnless(server.OwnsCluster, "crashing a server needs a cluster of the tests' own");
        await using var own = await PostgresServer.StartPrivateAsync();

        // The repairs commit without waiting for the WAL flush. The WAL writer would write them out within 200 ms on
        // its own; at 10 s only pgseq's own flush can make them durable before the crash. (The tests' servers run
        // with synchronous_commit off; this database gets the usual on.)
        await own.AdminExecuteAsync("ALTER SYSTEM SET wal_writer_delay = '10s'");
        await own.AdminExecuteAsync("SELECT pg_reload_conf()");
        await using var db = await own.CreateDatabaseAsync();
        await own.AdminExecuteAsync($"ALTER DATABASE {db.Name} SET synchronous_commit = on");
        await CreateDriftedTablesAsync(db, Count);
        await db.ExecuteAsync("CHECKPOINT");
        db.DataSource.Clear();

        var report = await SequenceDrift.FixAsync(db.DataSource, null, Cancel);
        Assert.Equal(Count, report.Summary.Repaired);
        await own.CrashAndRecoverAsync();
        db.DataSource.Clear();

        Assert.All(await StatesAsync(db, Count), state => Assert.Equal((100L, true), state));
    }

    [Fact]
    public async Task A_server_restart_mid_run_is_one_line_with_exit_1_and_the_rerun_succeeds()
    {
        Assert.SkipUnless(server.OwnsCluster, "restarting a server needs a cluster of the tests' own");
        await using var own = await PostgresServer.StartPrivateAsync();
        await using var db = await own.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE a (id serial); INSERT INTO a VALUES (9); CREATE TABLE zz_blocked (id serial); INSERT INTO zz_blocked VALUES (100);");
        var holder = await db.DataSource.OpenConnectionAsync(Cancel);
        var transaction = await holder.BeginTransactionAsync(Cancel);
        await using (var insert = new NpgsqlCommand("INSERT INTO zz_blocked VALUES (200)", holder))
        {
            await insert.ExecuteNonQueryAsync(Cancel);
        }

        var run = CliRunner.RunAsync("fix", "--lock-timeout", "5min", db.ConnectionStringForPsql());
        await Eventually.HoldsAsync(async () => await db.Server.PgSeqSessionsAsync(db.Name, "Lock") == 1, TimeSpan.FromSeconds(30), "pgseq waits for the lock on zz_blocked");
        await own.RestartAsync();
        var result = await run;
        await Assert.ThrowsAnyAsync<NpgsqlException>(() => transaction.RollbackAsync(Cancel));
        await holder.DisposeAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("pgseq: error: lost the connection to ", line, StringComparison.Ordinal);
        var rerun = await CliRunner.RunAsync("fix", db.ConnectionStringForPsql());
        Assert.True(rerun.ExitCode == 0, rerun.ToString());
        Assert.Equal(101, await db.ScalarAsync<int>("INSERT INTO zz_blocked DEFAULT VALUES RETURNING id"));
    }

    [Theory]
    [InlineData("INSERT INTO held VALUES (200)", "held")]
    [InlineData("SELECT nextval('held_id_seq')", "held_id_seq")]
    public async Task A_long_transaction_makes_its_sequence_busy_the_rest_are_repaired_and_the_application_is_not_held_longer_than_the_lock_timeout(string holding, string what)
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE free (id serial PRIMARY KEY); INSERT INTO free VALUES (10); CREATE TABLE held (id serial PRIMARY KEY); INSERT INTO held VALUES (10);");
        await using var holder = await db.DataSource.OpenConnectionAsync(Cancel);
        await using var transaction = await holder.BeginTransactionAsync(Cancel);
        await using (var hold = new NpgsqlCommand(holding, holder))
        {
            await hold.ExecuteNonQueryAsync(Cancel);
        }

        var run = CliRunner.RunAsync("fix", "--lock-timeout", "1500ms", db.ConnectionStringForPsql());
        await Eventually.HoldsAsync(async () => await db.Server.PgSeqSessionsAsync(db.Name, "Lock") == 1, TimeSpan.FromSeconds(30), $"pgseq waits for {what}");
        var insert = Stopwatch.StartNew();
        await db.ExecuteAsync("INSERT INTO held VALUES (300)");
        insert.Stop();
        var result = await run;

        TestContext.Current.TestOutputHelper!.WriteLine($"application insert waited {insert.ElapsedMilliseconds} ms behind pgseq (lock timeout 1500 ms)");
        Assert.True(insert.Elapsed < TimeSpan.FromMilliseconds(1500) + TimeSpan.FromMilliseconds(500), $"the application insert waited {insert.Elapsed}");
        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("| busy     |", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("could not lock sequence public.held_id_seq (tables public.held) within the lock timeout (1.5s)", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("| repaired |", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("1 repaired", result.Stdout, StringComparison.Ordinal);
        Assert.Equal(11, await db.ScalarAsync<int>("INSERT INTO free DEFAULT VALUES RETURNING id"));
    }

    [Fact]
    public async Task Two_fix_runs_at_the_same_time_repair_each_sequence_once_and_both_finish_cleanly()
    {
        const int Count = 150;
        await using var db = await server.CreateDatabaseAsync();
        await CreateDriftedTablesAsync(db, Count);

        var reports = await Task.WhenAll(
            SequenceDrift.FixAsync(db.DataSource, null, Cancel),
            SequenceDrift.FixAsync(db.DataSource, null, Cancel));

        Assert.All(reports, r => Assert.True(r.Complete));
        Assert.All(reports, r => Assert.Equal(Count, r.Summary.Ok));
        Assert.Equal(Count, reports.Sum(r => r.Summary.Repaired));
        TestContext.Current.TestOutputHelper!.WriteLine($"repairs made by each run: {reports[0].Summary.Repaired} and {reports[1].Summary.Repaired}");
        Assert.All(await StatesAsync(db, Count), state => Assert.Equal((100L, true), state));
    }
}
