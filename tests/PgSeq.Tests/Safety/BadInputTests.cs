using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Safety;

/// <summary>
/// Bad input and hostile conditions, through the command line: the exact exit code, a message that names the problem
/// and the remedy, no stack trace, no password, and nothing changed that should not be.
/// </summary>
public sealed class BadInputTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static void AssertRunFailure(CliResult result, string expected)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("pgseq: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }

    private static void AssertClean(CliResult result)
    {
        Assert.Empty(result.Stderr);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    private static string RowOf(CliResult result, string sequence) =>
        result.Stdout.Split('\n').Single(line => line.Contains($"| {sequence} ", StringComparison.Ordinal));

    [Fact]
    public async Task An_unknown_host_is_one_line_naming_the_host()
    {
        AssertRunFailure(await CliRunner.RunAsync("check", "postgresql://app:Secret-pw@no-such-host.invalid:5432/app"),
            "could not resolve host \"no-such-host.invalid\"; check the host name");
    }

    [Fact]
    public async Task A_port_where_another_service_answers_is_one_line_saying_it_is_not_postgresql()
    {
        // An HTTP server on the port: it answers the start of the protocol with an HTTP status line and hangs up.
        using var http = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        http.Start();
        var port = ((System.Net.IPEndPoint)http.LocalEndpoint).Port;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var answering = Task.Run(async () =>
        {
            // pgseq opens its connections in parallel: every one gets the same answer.
            while (!stop.IsCancellationRequested)
            {
                using var client = await http.AcceptTcpClientAsync(stop.Token);
                var stream = client.GetStream();
                _ = await stream.ReadAsync(new byte[1024], stop.Token);
                await stream.WriteAsync("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n"u8.ToArray(), stop.Token);
            }
        }, Cancel);

        var result = await CliRunner.RunAsync("check", $"postgresql://app@127.0.0.1:{port}/app");
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answering);

        AssertRunFailure(result, $"app@127.0.0.1:{port}/app does not answer as a PostgreSQL server (");
        Assert.Contains("; check the host and port: another service may listen there", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ssl_required_by_the_client_but_not_offered_by_the_server_is_one_line_with_the_remedy()
    {
        await using var db = await server.CreateDatabaseAsync();

        var result = await CliRunner.RunAsync("check", db.ConnectionStringForPsql() + "?sslmode=require");

        AssertRunFailure(result, "does not accept SSL connections but sslmode requires SSL; use sslmode=prefer or disable, or enable ssl on the server");
    }

    [Fact]
    public async Task A_role_without_select_on_one_table_gets_an_error_for_that_sequence_while_the_others_are_repaired()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE secret (id serial); INSERT INTO secret VALUES (50);");
        await using var app = await TestRole.CreateAsync(db, "GRANT CREATE ON SCHEMA public TO {role};");
        await using (var command = app.DataSource.CreateCommand("CREATE TABLE mine (id serial); INSERT INTO mine VALUES (50);"))
        {
            await command.ExecuteNonQueryAsync(Cancel);
        }

        var result = await CliRunner.RunAsync("fix", db.ConnectionStringForPsql().Replace("postgresql://postgres@", $"postgresql://{app.Name}@", StringComparison.Ordinal));

        Assert.True(result.ExitCode == 1, result.ToString());
        AssertClean(result);
        Assert.Contains("| repaired |", RowOf(result, "public.mine_id_seq"), StringComparison.Ordinal);
        Assert.Contains("| error    |", RowOf(result, "public.secret_id_seq"), StringComparison.Ordinal);
        Assert.Contains($"role {app.Name} may not read sequence public.secret_id_seq; GRANT SELECT ON SEQUENCE public.secret_id_seq TO {app.Name}", result.Stdout, StringComparison.Ordinal);
        Assert.Equal((1L, false), await db.SequenceStateAsync("secret_id_seq"));
    }

    [Fact]
    public async Task A_role_that_may_read_but_not_alter_one_sequence_gets_an_error_for_it_while_the_others_are_repaired()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE shared (id serial); INSERT INTO shared VALUES (50);");
        await using var app = await TestRole.CreateAsync(db, "GRANT CREATE ON SCHEMA public TO {role}; GRANT SELECT, INSERT ON shared TO {role}; GRANT SELECT ON SEQUENCE shared_id_seq TO {role};");
        await using (var command = app.DataSource.CreateCommand("CREATE TABLE mine (id serial); INSERT INTO mine VALUES (50);"))
        {
            await command.ExecuteNonQueryAsync(Cancel);
        }

        var url = db.ConnectionStringForPsql().Replace("postgresql://postgres@", $"postgresql://{app.Name}@", StringComparison.Ordinal);
        var check = await CliRunner.RunAsync("check", url);
        var fix = await CliRunner.RunAsync("fix", url);

        Assert.Equal(2, check.ExitCode);
        Assert.True(fix.ExitCode == 1, fix.ToString());
        AssertClean(fix);
        Assert.Contains("| repaired |", RowOf(fix, "public.mine_id_seq"), StringComparison.Ordinal);
        Assert.Contains($"role {app.Name} does not own sequence public.shared_id_seq, and holding nextval() callers off during the repair takes ALTER SEQUENCE; run fix as postgres", fix.Stdout, StringComparison.Ordinal);
        Assert.Equal((1L, false), await db.SequenceStateAsync("shared_id_seq"));
    }

    [Fact]
    public async Task Read_only_by_default_check_works_and_fix_refuses_up_front()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync($"CREATE TABLE t (id serial); INSERT INTO t VALUES (5); ALTER DATABASE {db.Name} SET default_transaction_read_only = on;");

        var check = await CliRunner.RunAsync("check", db.ConnectionStringForPsql());
        var fix = await CliRunner.RunAsync("fix", db.ConnectionStringForPsql());

        Assert.Equal(2, check.ExitCode);
        AssertRunFailure(fix, "(default_transaction_read_only is on); run fix as a role or on a server that allows writes (check works here)");
        Assert.Equal((1L, false), await db.SequenceStateAsync("t_id_seq"));
    }

    [Fact]
    public async Task On_a_hot_standby_check_works_and_fix_refuses_up_front()
    {
        Assert.SkipUnless(server.OwnsCluster, "a standby needs a primary of the tests' own");
        await using var primary = await PostgresServer.StartPrivateAsync();
        await using var db = await primary.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t (id serial); INSERT INTO t VALUES (5);");
        await using var standby = await primary.StartStandbyAsync();
        var url = $"postgresql://{standby.SuperUser}@{standby.Host}:{standby.Port}/{db.Name}";
        await Eventually.HoldsAsync(async () => (await CliRunner.RunAsync("check", url)).ExitCode == 2, TimeSpan.FromSeconds(30), "the standby has replayed the table");

        var fix = await CliRunner.RunAsync("fix", url);

        AssertRunFailure(fix, "is on a hot standby (in recovery), which cannot change sequences; run fix against the primary (check works here)");
        Assert.Equal((1L, false), await db.SequenceStateAsync("t_id_seq"));
    }

    [Fact]
    public async Task On_a_hot_standby_unlogged_sequences_and_tables_are_reported_unreadable_there_without_failing_the_check()
    {
        Assert.SkipUnless(server.OwnsCluster, "a standby needs a primary of the tests' own");
        await using var primary = await PostgresServer.StartPrivateAsync();
        await using var db = await primary.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE kept (id serial); INSERT INTO kept DEFAULT VALUES;
            CREATE UNLOGGED TABLE scratch (id serial); INSERT INTO scratch VALUES (5);
            """);
        if (await db.ScalarAsync<int>("SELECT current_setting('server_version_num')::int") >= 150000)
        {
            await db.ExecuteAsync("CREATE UNLOGGED SEQUENCE cache_seq; CREATE TABLE cache (id int DEFAULT nextval('cache_seq')); INSERT INTO cache VALUES (9);");
        }

        await using var standby = await primary.StartStandbyAsync();
        var url = $"postgresql://{standby.SuperUser}@{standby.Host}:{standby.Port}/{db.Name}";
        await Eventually.HoldsAsync(async () => (await CliRunner.RunAsync("check", "--json", url)).Stdout.Contains("scratch", StringComparison.Ordinal), TimeSpan.FromSeconds(30), "the standby has replayed the tables");

        var clean = await CliRunner.RunAsync("check", url);
        await db.ExecuteAsync("INSERT INTO kept VALUES (50)");
        var drift = clean;
        await Eventually.HoldsAsync(async () => (drift = await CliRunner.RunAsync("check", url)).ExitCode != 0, TimeSpan.FromSeconds(30), "the standby has replayed the drift");

        Assert.True(clean.ExitCode == 0, clean.ToString());
        // From PostgreSQL 15 on, the serial sequence of an unlogged table is unlogged too; before, only the table is.
        Assert.Matches(@"skipped public\.scratch_id_seq: (table public\.scratch|sequence public\.scratch_id_seq) is unlogged, and a hot standby keeps no data for it; check this sequence on the primary", clean.Stdout);
        Assert.DoesNotContain("error", clean.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("pgseq: error", clean.Stderr, StringComparison.Ordinal);
        Assert.True(drift.ExitCode == 2, drift.ToString());
        Assert.Contains("This is a hot standby: run `pgseq fix` against the primary to repair.", drift.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Run `pgseq fix` to repair.", drift.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_max_that_exceeds_the_statement_timeout_is_an_error_for_its_sequence_and_the_others_go_on()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE huge (id serial, pad int) WITH (parallel_workers = 0, autovacuum_enabled = off);
            INSERT INTO huge (id, pad) SELECT g, g FROM generate_series(1, 8000000) AS g;
            CREATE TABLE small (id serial PRIMARY KEY); INSERT INTO small VALUES (7);
            """);

        var result = await CliRunner.RunAsync("fix", "--statement-timeout", "150ms", db.ConnectionStringForPsql());

        Assert.True(result.ExitCode == 1, result.ToString());
        AssertClean(result);
        Assert.Contains("| error    |", RowOf(result, "public.huge_id_seq"), StringComparison.Ordinal);
        Assert.Contains("reading public.huge.id took longer than the statement timeout (150ms); index the column or raise the statement timeout", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("| repaired |", RowOf(result, "public.small_id_seq"), StringComparison.Ordinal);
        Assert.Equal((1L, false), await db.SequenceStateAsync("huge_id_seq"));
    }

    [Fact]
    public async Task A_check_that_cannot_read_a_locked_table_calls_it_busy_in_the_words_of_a_reader()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE locked (id serial PRIMARY KEY); INSERT INTO locked VALUES (5); CREATE TABLE free (id serial);");
        await using var held = await HeldTable.LockAsync(db, "locked");

        var result = await CliRunner.RunAsync("check", "--lock-timeout", "300ms", db.ConnectionStringForPsql());

        Assert.True(result.ExitCode == 1, result.ToString());
        AssertClean(result);
        Assert.Contains("| busy   |", RowOf(result, "public.locked_id_seq"), StringComparison.Ordinal);
        Assert.Contains(
            "busy public.locked_id_seq: could not read public.locked.id within the lock timeout (300ms): another transaction holds a conflicting lock; run again later",
            result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("left unchanged", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_sequence_at_its_maxvalue_is_an_error_that_fix_leaves_alone()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE SEQUENCE tiny MAXVALUE 5; CREATE TABLE t (id int DEFAULT nextval('tiny')); SELECT setval('tiny', 5); INSERT INTO t VALUES (3);");

        var check = await CliRunner.RunAsync("check", db.ConnectionStringForPsql());
        var fix = await CliRunner.RunAsync("fix", db.ConnectionStringForPsql());

        Assert.Equal((1, 1), (check.ExitCode, fix.ExitCode));
        AssertClean(fix);
        Assert.Contains("the sequence has reached its MAXVALUE 5, so nextval() fails; raise the limit with ALTER SEQUENCE public.tiny NO MAXVALUE", check.Stdout, StringComparison.Ordinal);
        Assert.Equal((5L, true), await db.SequenceStateAsync("tiny"));
    }

    [Fact]
    public async Task A_cycle_sequence_whose_ids_wrapped_is_reported_and_never_moved()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE SEQUENCE ring MAXVALUE 10 CYCLE; CREATE TABLE t (id int PRIMARY KEY DEFAULT nextval('ring')); INSERT INTO t VALUES (3), (10); SELECT setval('ring', 2);");

        var check = await CliRunner.RunAsync("check", db.ConnectionStringForPsql());
        var fix = await CliRunner.RunAsync("fix", db.ConnectionStringForPsql());

        Assert.Equal((2, 1), (check.ExitCode, fix.ExitCode));
        AssertClean(fix);
        Assert.Contains("CYCLE sequence whose values have wrapped around: the next value 3 is already taken; pgseq does not move cycling sequences", fix.Stdout, StringComparison.Ordinal);
        Assert.Equal((2L, true), await db.SequenceStateAsync("ring"));
    }

    [Fact]
    public async Task Ids_beyond_the_sequence_type_are_an_error_naming_the_wider_type()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE SEQUENCE narrow AS integer; CREATE TABLE t (id bigint DEFAULT nextval('narrow')); INSERT INTO t VALUES (3000000000);");

        var check = await CliRunner.RunAsync("check", db.ConnectionStringForPsql());
        var fix = await CliRunner.RunAsync("fix", db.ConnectionStringForPsql());

        Assert.Equal((1, 1), (check.ExitCode, fix.ExitCode));
        Assert.Contains("MAX 3000000000 leaves no room before MAXVALUE 2147483647; widen it with ALTER SEQUENCE public.narrow AS bigint NO MAXVALUE", check.Stdout, StringComparison.Ordinal);
        Assert.Equal((1L, false), await db.SequenceStateAsync("narrow"));
    }

    [Fact]
    public async Task Hostile_identifiers_are_shown_quoted_and_repaired_without_side_effects()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE y (keep int);
            CREATE TABLE "x; drop table y;--" (id serial PRIMARY KEY); INSERT INTO "x; drop table y;--" VALUES (5);
            CREATE TABLE "[red]Ünïcode[/]" ("Id" serial); INSERT INTO "[red]Ünïcode[/]" VALUES (5);
            """);

        var check = await CliRunner.RunAsync("check", db.ConnectionStringForPsql());
        var fix = await CliRunner.RunAsync("fix", db.ConnectionStringForPsql());

        Assert.Equal((2, 0), (check.ExitCode, fix.ExitCode));
        Assert.Contains("| public.\"x; drop table y;--\"", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("| public.\"[red]Ünïcode[/]\"", check.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'y'"));
    }

    [Fact]
    public async Task An_empty_database_is_fine()
    {
        await using var db = await server.CreateDatabaseAsync();

        var check = await CliRunner.RunAsync("check", db.ConnectionStringForPsql());
        var fix = await CliRunner.RunAsync("fix", db.ConnectionStringForPsql());

        Assert.Equal((0, 0), (check.ExitCode, fix.ExitCode));
        AssertClean(check);
        Assert.Contains("No sequence feeds a table column in scope: nothing to check.", check.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_of_tables_without_sequences_is_fine()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE categories (id smallint PRIMARY KEY, name text); INSERT INTO categories VALUES (1, 'a'), (8, 'b');");

        var check = await CliRunner.RunAsync("check", "--json", db.ConnectionStringForPsql());

        Assert.Equal(0, check.ExitCode);
        Assert.Contains("\"sequences\": []", check.Stdout, StringComparison.Ordinal);
    }
}
