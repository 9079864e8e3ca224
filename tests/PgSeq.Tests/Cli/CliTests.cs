using System.Text.Json;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Cli;

/// <summary>The command line: output, JSON, exit codes, and errors in one line.</summary>
public sealed class CliTests(PostgresServer server)
{
    private static async Task<TestDatabase> IncidentAsync(PostgresServer server)
    {
        var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        return db;
    }

    private static string Uri(TestDatabase db) => db.ConnectionStringForPsql();

    private static void AssertOneLineError(CliResult result, string expected)
    {
        Assert.True(result.ExitCode == 1, result.ToString());
        var line = Assert.Single(result.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("pgseq: error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Check_on_a_healthy_database_prints_a_clean_report_and_exits_0()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t (id serial PRIMARY KEY); INSERT INTO t DEFAULT VALUES;");

        var result = await CliRunner.RunAsync("check", Uri(db));

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("| public.t | id     | public.t_id_seq |   1 |          2 | ok     |", result.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("1 sequence checked: 1 ok.\n", result.Stdout, StringComparison.Ordinal);
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Check_reports_the_incident_and_exits_2()
    {
        await using var db = await IncidentAsync(server);

        var result = await CliRunner.RunAsync("check", Uri(db));

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("| public.loans        | id     | public.loans_id_seq        |  28 |          2 | drift  | fix: next value 2 → 29 |", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("| public.installments | id     | public.installments_id_seq |  64 |          1 | drift  | fix: next value 1 → 65 |", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 sequences checked: 2 drift. The very next insert fails for 2 sequences. Run `pgseq fix` to repair.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_shows_before_and_after_and_a_second_fix_has_nothing_to_do()
    {
        await using var db = await IncidentAsync(server);

        var first = await CliRunner.RunAsync("fix", Uri(db));
        var second = await CliRunner.RunAsync("fix", Uri(db));

        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("|     2 → 29 | repaired | next value 2 → 29 |", first.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 sequences: 2 repaired.", first.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"2 sequences: 2 repaired\. Longest lock held: \d+(\.\d+)? ms\.", first.Stdout);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("2 sequences: 2 already fine.", second.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("Longest lock held", second.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, (await CliRunner.RunAsync("check", Uri(db))).ExitCode);
    }

    [Fact]
    public async Task Check_json_is_the_documented_document()
    {
        await using var db = await IncidentAsync(server);

        var result = await CliRunner.RunAsync("check", "--json", Uri(db));

        Assert.Equal(2, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(db.Name, root.GetProperty("database").GetString());
        Assert.Equal("check", root.GetProperty("command").GetString());
        var loans = root.GetProperty("sequences").EnumerateArray().Single(s => s.GetProperty("sequence").GetString() == "public.loans_id_seq");
        Assert.Equal("drift", loans.GetProperty("status").GetString());
        Assert.Equal("behind", loans.GetProperty("finding").GetString());
        Assert.Equal(2, loans.GetProperty("next_value").GetInt64());
        Assert.Equal(28, loans.GetProperty("max_value").GetInt64());
        Assert.Equal(27, loans.GetProperty("behind_by").GetInt64());
        Assert.False(loans.GetProperty("is_called").GetBoolean());
        Assert.True(loans.GetProperty("next_insert_collides").GetBoolean());
        var column = Assert.Single(loans.GetProperty("columns").EnumerateArray());
        Assert.Equal(("public.loans", "id", "default"), (column.GetProperty("table").GetString(), column.GetProperty("column").GetString(), column.GetProperty("kind").GetString()));
        Assert.Equal("integer", column.GetProperty("type").GetString());
        Assert.Equal("bigint", loans.GetProperty("definition").GetProperty("data_type").GetString());
        Assert.Equal(JsonValueKind.Null, loans.GetProperty("repair").ValueKind);
        Assert.Equal(2, root.GetProperty("summary").GetProperty("drift").GetInt32());
        Assert.Empty(result.Stderr);
    }

    [Fact]
    public async Task Fix_json_describes_the_state_after_the_run()
    {
        await using var db = await IncidentAsync(server);

        var result = await CliRunner.RunAsync("fix", "--json", Uri(db));

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var loans = json.RootElement.GetProperty("sequences").EnumerateArray().Single(s => s.GetProperty("sequence").GetString() == "public.loans_id_seq");
        Assert.Equal(("ok", "repaired", 29L), (loans.GetProperty("status").GetString(), loans.GetProperty("finding").GetString(), loans.GetProperty("next_value").GetInt64()));
        var repair = loans.GetProperty("repair");
        Assert.Equal((2L, 29L, true), (repair.GetProperty("previous_next_value").GetInt64(), repair.GetProperty("next_value").GetInt64(), repair.GetProperty("applied").GetBoolean()));
        Assert.StartsWith("-- public.loans_id_seq feeds public.loans.id", repair.GetProperty("script").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("repaired").GetInt32());
        var held = json.RootElement.GetProperty("sequences").EnumerateArray().Select(s => s.GetProperty("repair").GetProperty("lock_held_ms").GetDouble()).ToList();
        Assert.All(held, ms => Assert.True(ms > 0, $"lock_held_ms {ms}"));
        Assert.Equal(held.Max(), json.RootElement.GetProperty("summary").GetProperty("longest_lock_held_ms").GetDouble());
    }

    [Fact]
    public async Task Fix_dry_run_changes_nothing_and_sql_prints_a_script_psql_runs()
    {
        await using var db = await IncidentAsync(server);

        var dryRun = await CliRunner.RunAsync("fix", "--dry-run", Uri(db));
        Assert.Equal(0, dryRun.ExitCode);
        Assert.Contains("would move next value 2 → 29", dryRun.Stdout, StringComparison.Ordinal);
        Assert.Contains("2 sequences would be repaired; nothing was changed (dry run).", dryRun.Stdout, StringComparison.Ordinal);
        Assert.Equal((2L, false), await db.SequenceStateAsync("loans_id_seq"));

        var sql = await CliRunner.RunAsync("fix", "--sql", Uri(db));
        Assert.Equal(0, sql.ExitCode);
        Assert.StartsWith("-- pgseq fix --sql: one transaction per sequence to repair.", sql.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("\n-- 2 sequence(s) to repair.\n", sql.Stdout, StringComparison.Ordinal);
        // The hold that keeps nextval() callers waiting is the cheapest the server has: SET LOGGED from PostgreSQL 15 on.
        Assert.Contains(server.VersionNumber >= 150000 ? "ALTER SEQUENCE public.loans_id_seq SET LOGGED;" : "ALTER SEQUENCE public.loans_id_seq INCREMENT BY 1;", sql.Stdout, StringComparison.Ordinal);
        Assert.Equal((2L, false), await db.SequenceStateAsync("loans_id_seq"));

        var psql = await ProcessRunner.RunAsync(PostgresBinaries.Program("psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", Uri(db)], standardInput: sql.Stdout, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(psql.ExitCode == 0, psql.Output);
        Assert.Equal(0, (await CliRunner.RunAsync("check", Uri(db))).ExitCode);
    }

    [Fact]
    public async Task A_large_report_shows_the_most_serious_hundred_rows_and_says_how_many_more_verbose_shows_all()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            DO $$ BEGIN
              FOR i IN 1..130 LOOP
                EXECUTE format('CREATE TABLE t%s (id serial PRIMARY KEY); INSERT INTO t%s DEFAULT VALUES;', lpad(i::text, 3, '0'), lpad(i::text, 3, '0'));
              END LOOP;
            END $$;
            INSERT INTO t120 VALUES (50);
            INSERT INTO t125 VALUES (7);
            """);
        static int Rows(string output) => output.Split('\n').Count(l => l.StartsWith("| public.t", StringComparison.Ordinal));

        var shown = await CliRunner.RunAsync("check", Uri(db));
        var verbose = await CliRunner.RunAsync("check", "--verbose", Uri(db));

        Assert.True(shown.ExitCode == 2, shown.ToString());
        Assert.Equal(100, Rows(shown.Stdout));
        var lines = shown.Stdout.Split('\n').Where(l => l.StartsWith("| public.t", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("| public.t120 ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("| public.t125 ", lines[1], StringComparison.Ordinal);
        Assert.Contains("30 sequences not shown: --verbose shows every row, --json lists every sequence\n", shown.Stdout, StringComparison.Ordinal);
        Assert.EndsWith("130 sequences checked: 128 ok, 2 drift. Run `pgseq fix` to repair.\n", shown.Stdout, StringComparison.Ordinal);
        Assert.Equal(130, Rows(verbose.Stdout));
        Assert.DoesNotContain("not shown", verbose.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Filters_limit_what_is_checked()
    {
        await using var db = await IncidentAsync(server);

        var result = await CliRunner.RunAsync("check", "--table", "public.loan*", "--json", Uri(db));

        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["public.loans_id_seq"], json.RootElement.GetProperty("sequences").EnumerateArray().Select(s => s.GetProperty("sequence").GetString()));
    }

    [Fact]
    public async Task The_libpq_environment_and_database_url_are_used_without_an_argument()
    {
        await using var db = await IncidentAsync(server);
        var environment = new Dictionary<string, string>
        {
            ["PGHOST"] = server.Host,
            ["PGPORT"] = server.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["PGUSER"] = server.SuperUser,
            ["PGDATABASE"] = db.Name,
        };

        Assert.Equal(2, (await CliRunner.RunAsync(["check"], environment)).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync(["check"], new Dictionary<string, string> { ["DATABASE_URL"] = Uri(db) })).ExitCode);
    }

    [Fact]
    public async Task Colour_only_on_a_terminal_and_never_with_no_color()
    {
        await using var db = await IncidentAsync(server);

        var terminal = await CliRunner.RunAsync(["check", Uri(db)], new Dictionary<string, string> { ["TERM"] = "xterm-256color" }, terminal: true);
        var noColor = await CliRunner.RunAsync(["check", Uri(db)], new Dictionary<string, string> { ["TERM"] = "xterm-256color", ["NO_COLOR"] = "1" }, terminal: true);
        var piped = await CliRunner.RunAsync("check", Uri(db));

        Assert.Contains("\u001b[", terminal.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", noColor.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", piped.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Version_and_help_exit_0()
    {
        var version = await CliRunner.RunAsync("--version");
        Assert.Equal(0, version.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", version.Stdout);

        foreach (var command in new[] { "check", "fix" })
        {
            var help = await CliRunner.RunAsync(command, "--help");
            Assert.Equal(0, help.ExitCode);
            Assert.Contains("--lock-timeout", help.Stdout, StringComparison.Ordinal);
            Assert.Contains("Exit codes:", help.Stdout, StringComparison.Ordinal);
            Assert.Contains("130 interrupted (Ctrl-C), 143 stopped (SIGTERM)", help.Stdout, StringComparison.Ordinal);
            Assert.Contains("--strict-names", help.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains("--allow-rewind", (await CliRunner.RunAsync("fix", "--help")).Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new string[0], "a command is required")]
    [InlineData(new[] { "check", "--frobnicate" }, "Unrecognized option '--frobnicate'")]
    [InlineData(new[] { "check", "--lock-timeout", "soon" }, "--lock-timeout expects a duration such as 500ms, 2s or 5min, got 'soon'")]
    [InlineData(new[] { "fix", "--margin", "-5" }, "--margin must be zero or more")]
    [InlineData(new[] { "fix", "--sql", "--json" }, "--sql and --json cannot be combined")]
    [InlineData(new[] { "check", "--table", "\"unterminated", "dbname=x" }, "unterminated double quote")]
    [InlineData(new[] { "check", "host=db sslmode=sometimes" }, "sslmode must be one of")]
    public async Task Bad_arguments_are_one_line_with_exit_1(string[] args, string expected)
    {
        AssertOneLineError(await CliRunner.RunAsync(args), expected);
    }

    [Fact]
    public async Task A_refused_port_is_one_line_with_exit_1()
    {
        AssertOneLineError(await CliRunner.RunAsync("check", "postgresql://postgres@127.0.0.1:1/postgres"), "connection refused");
    }

    [Fact]
    public async Task A_missing_database_is_one_line_without_the_password()
    {
        var result = await CliRunner.RunAsync("check", $"postgresql://{server.SuperUser}:hunter2-secret@{server.Host}:{server.Port}/no_such_db");

        AssertOneLineError(result, "database \"no_such_db\" does not exist");
        Assert.DoesNotContain("hunter2-secret", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Json_errors_are_a_json_document_too()
    {
        var result = await CliRunner.RunAsync("check", "--json", "postgresql://postgres@127.0.0.1:1/postgres");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Contains("connection refused", json.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
