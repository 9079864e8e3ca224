using System.Text.Json;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Cli;

/// <summary>Prometheus and Nagios output, several targets at once, --log and --quiet: pgseq in cron and monitoring.</summary>
public sealed class MonitoringTests(PostgresServer server)
{
    private static async Task<TestDatabase> IncidentAsync(PostgresServer server)
    {
        var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        return db;
    }

    [Fact]
    public async Task Prometheus_output_parses_and_carries_the_figures_with_escaped_labels()
    {
        await using var db = await IncidentAsync(server);
        await db.ExecuteAsync("""CREATE TABLE "we\ird ""quoted"" name" (id serial); INSERT INTO "we\ird ""quoted"" name" VALUES (3);""");

        var result = await CliRunner.RunAsync("check", "--format", "prometheus", db.ConnectionStringForPsql());

        // The drift is in the metrics; the exit code says the exposition is whole, so a textfile recipe installs it.
        Assert.True(result.ExitCode == 0, result.ToString());
        var samples = Exposition.Parse(result.Stdout);
        double Value(string metric, string sequence) =>
            samples.Single(s => s.Name == metric && s.Labels.GetValueOrDefault("sequence") == sequence && !s.Labels.ContainsKey("status")).Value;

        Assert.Equal(1, samples.Single(s => s.Name == "pgseq_check_success").Value);
        Assert.Equal(1, Value("pgseq_drift", "public.loans_id_seq"));
        Assert.Equal(2, Value("pgseq_next_value", "public.loans_id_seq"));
        Assert.Equal(28, Value("pgseq_column_max_value", "public.loans_id_seq"));
        Assert.InRange(Value("pgseq_capacity_used_ratio", "public.loans_id_seq"), 0, 0.0001);
        var loans = samples.First(s => s.Labels.GetValueOrDefault("sequence") == "public.loans_id_seq");
        Assert.Equal((db.Name, "public.loans", "id"), (loans.Labels["database"], loans.Labels["table"], loans.Labels["column"]));
        Assert.Contains(samples, s => s.Labels.GetValueOrDefault("table") == "public.\"we\\ird \"\"quoted\"\" name\"");
        Assert.Equal(1, samples.Single(s => s.Name == "pgseq_sequence_status" && s.Labels["sequence"] == "public.loans_id_seq" && s.Labels["status"] == "drift").Value);
        Assert.Equal(3, samples.Single(s => s.Name == "pgseq_sequences" && s.Labels["status"] == "drift").Value);
    }

    [Fact]
    public async Task Prometheus_reports_a_database_it_could_not_check_in_the_metrics_and_exits_0_as_the_exposition_is_whole()
    {
        var result = await CliRunner.RunAsync("check", "--format", "prometheus", "postgresql://postgres@127.0.0.1:1/gone");

        Assert.Equal(0, result.ExitCode);
        var success = Assert.Single(Exposition.Parse(result.Stdout), s => s.Name == "pgseq_check_success");
        Assert.Equal((0.0, "gone"), (success.Value, success.Labels["database"]));
        Assert.Contains("connection refused", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nagios_output_is_one_line_with_perfdata_and_plugin_exit_codes()
    {
        await using var db = await IncidentAsync(server);
        var url = db.ConnectionStringForPsql();

        var critical = await CliRunner.RunAsync("check", "--format", "nagios", url);
        Assert.Equal(2, critical.ExitCode);
        Assert.Matches(@"^PGSEQ CRITICAL - public\.installments_id_seq drift \(next 1, MAX 64\); public\.loans_id_seq drift \(next 2, MAX 28\) \| sequences=2;;;0 drift=2;;1;0 collisions=2;;1;0 errors=0;;;0 capacity_max=0%;75;90;0;100\n$", critical.Stdout);

        await CliRunner.RunAsync("fix", url);
        var ok = await CliRunner.RunAsync("check", "--format", "nagios", url);
        Assert.Equal(0, ok.ExitCode);
        Assert.StartsWith("PGSEQ OK - 2 sequences in 1 database(s) in sync | ", ok.Stdout, StringComparison.Ordinal);

        await db.ExecuteAsync("SELECT setval('loans_id_seq', 1700000000)");
        var warning = await CliRunner.RunAsync("check", "--format", "nagios", url);
        Assert.Equal(1, warning.ExitCode);
        Assert.StartsWith("PGSEQ WARNING - public.loans_id_seq 79.16% used |", warning.Stdout, StringComparison.Ordinal);

        var unknown = await CliRunner.RunAsync("check", "--format", "nagios", "postgresql://postgres@127.0.0.1:1/gone");
        Assert.Equal(3, unknown.ExitCode);
        Assert.StartsWith("PGSEQ UNKNOWN - could not connect to postgres@127.0.0.1:1/gone: connection refused", unknown.Stdout, StringComparison.Ordinal);
        Assert.Single(unknown.Stdout.TrimEnd().Split('\n'));
    }

    [Fact]
    public async Task Several_targets_run_in_parallel_a_failing_one_is_reported_and_the_worst_exit_code_wins()
    {
        await using var drifted = await IncidentAsync(server);
        await using var healthy = await server.CreateDatabaseAsync();
        await healthy.ExecuteAsync("CREATE TABLE t (id serial); INSERT INTO t DEFAULT VALUES;");
        const string Refused = "postgresql://postgres@127.0.0.1:1/gone";

        var table = await CliRunner.RunAsync("check", "--jobs", "3", healthy.ConnectionStringForPsql(), Refused, drifted.ConnectionStringForPsql());

        Assert.True(table.ExitCode == 1, table.ToString());
        Assert.True(table.Stdout.IndexOf(healthy.Name, StringComparison.Ordinal) < table.Stdout.IndexOf(drifted.Name, StringComparison.Ordinal), "targets print in the order given");
        // The error names the target once: the connection error already says which.
        Assert.Contains("pgseq: error: could not connect to postgres@127.0.0.1:1/gone: connection refused", table.Stderr, StringComparison.Ordinal);
        Assert.EndsWith("3 targets: 1 fine, 1 with findings, 1 failed.\n", table.Stdout, StringComparison.Ordinal);

        var json = await CliRunner.RunAsync("check", "--json", "--jobs", "1", healthy.ConnectionStringForPsql(), Refused, drifted.ConnectionStringForPsql());
        using var document = JsonDocument.Parse(json.Stdout);
        var targets = document.RootElement.GetProperty("targets").EnumerateArray().ToList();
        Assert.Equal([0, 1, 2], targets.Select(t => t.GetProperty("exit_code").GetInt32()));
        Assert.Equal(JsonValueKind.Null, targets[1].GetProperty("report").ValueKind);
        Assert.Equal(drifted.Name, targets[2].GetProperty("report").GetProperty("database").GetString());
        Assert.Equal((3, 1, 1, 1), (document.RootElement.GetProperty("summary").GetProperty("targets").GetInt32(),
            document.RootElement.GetProperty("summary").GetProperty("ok").GetInt32(),
            document.RootElement.GetProperty("summary").GetProperty("findings").GetInt32(),
            document.RootElement.GetProperty("summary").GetProperty("failed").GetInt32()));
    }

    [Fact]
    public async Task A_targets_file_takes_one_connection_per_line_with_comments()
    {
        await using var drifted = await IncidentAsync(server);
        await using var healthy = await server.CreateDatabaseAsync();
        var file = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(file, $"# nightly targets\n\n{healthy.ConnectionStringForPsql()}\n   # the incident\n{drifted.ConnectionStringForPsql()}\n", TestContext.Current.CancellationToken);

            var result = await CliRunner.RunAsync("check", "--targets", file, "--json");

            Assert.Equal(2, result.ExitCode);
            using var document = JsonDocument.Parse(result.Stdout);
            Assert.Equal([healthy.Name, drifted.Name], document.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("report").GetProperty("database").GetString()));
        }
        finally
        {
            File.Delete(file);
        }

        var missing = await CliRunner.RunAsync("check", "--targets", "/nonexistent/targets.txt");
        Assert.Equal(1, missing.ExitCode);
        Assert.StartsWith("pgseq: error: cannot read the targets file /nonexistent/targets.txt", missing.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task All_databases_checks_every_database_that_allows_connections_skips_templates_and_names_the_closed_ones()
    {
        Assert.SkipUnless(server.OwnsCluster, "counting every database needs a server of the tests' own");
        await using var own = await PostgresServer.StartPrivateAsync();
        await using var first = await own.CreateDatabaseAsync("alpha");
        await using var second = await own.CreateDatabaseAsync("beta");
        await Scenarios.LoadIncidentAsync(second);
        await own.AdminExecuteAsync("CREATE DATABASE closed; ALTER DATABASE closed ALLOW_CONNECTIONS false;");

        var url = $"postgresql://{own.SuperUser}@{own.Host}:{own.Port}/postgres";
        var closed = $"{own.SuperUser}@{own.Host}:{own.Port}/closed";
        var log = Path.Combine(Path.GetTempPath(), $"pgseq-{Guid.NewGuid():N}.log");

        var result = await CliRunner.RunAsync("check", "--all-databases", "--json", url);
        var table = await CliRunner.RunAsync("check", "--all-databases", "--log", log, url);
        var nagios = await CliRunner.RunAsync("check", "--all-databases", "--format", "nagios", url);
        var prometheus = await CliRunner.RunAsync("check", "--all-databases", "--format", "prometheus", url);

        Assert.Equal(2, result.ExitCode);
        using var document = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["alpha", "beta", "postgres"], document.RootElement.GetProperty("targets").EnumerateArray().Select(t => t.GetProperty("report").GetProperty("database").GetString()));
        Assert.Equal([closed], document.RootElement.GetProperty("skipped_databases").EnumerateArray().Select(d => d.GetString()));
        Assert.EndsWith($"3 targets: 2 fine, 1 with findings. Skipped, as they do not allow connections (datallowconn is false): {closed}.\n", table.Stdout, StringComparison.Ordinal);
        Assert.Contains($"target={closed} event=skipped reason=datallowconn_false", await File.ReadAllTextAsync(log, TestContext.Current.CancellationToken), StringComparison.Ordinal);
        File.Delete(log);
        Assert.Contains($"; skipped, as they do not allow connections: {closed} |", nagios.Stdout, StringComparison.Ordinal);
        Assert.Contains($"# pgseq: skipped {closed}: it does not allow connections\n", prometheus.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_log_gets_one_timestamped_line_per_event_and_grows_run_after_run()
    {
        await using var db = await IncidentAsync(server);
        var log = Path.Combine(Path.GetTempPath(), $"pgseq-{Guid.NewGuid():N}.log");
        var url = db.ConnectionStringForPsql().Replace("postgresql://postgres@", "postgresql://postgres:Not-Logged-pw@", StringComparison.Ordinal);
        try
        {
            await CliRunner.RunAsync("check", "--log", log, url);
            await CliRunner.RunAsync("fix", "--log", log, url);
            await CliRunner.RunAsync("check", "--log", log, "postgresql://postgres@127.0.0.1:1/gone");

            var lines = await File.ReadAllLinesAsync(log, TestContext.Current.CancellationToken);
            Assert.All(lines, line => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z pgseq command=", line));
            Assert.Equal(7, lines.Length);
            Assert.Contains($"command=check target=postgres@{server.Host}:{server.Port}/{db.Name} event=sequence sequence=public.loans_id_seq status=drift next_value=2 max_value=28 reason=\"the next value 2", lines[1], StringComparison.Ordinal);
            Assert.Contains("event=checked database=" + db.Name + " sequences=2 ok=0 drift=2", lines[2], StringComparison.Ordinal);
            Assert.Contains("command=fix", lines[3], StringComparison.Ordinal);
            Assert.Contains("event=repaired sequence=public.installments_id_seq before=1 after=65", lines[3], StringComparison.Ordinal);
            Assert.Contains("event=error message=\"could not connect", lines[6], StringComparison.Ordinal);
            Assert.DoesNotContain(lines, l => l.Contains("Not-Logged-pw", StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(log);
        }
    }

    [Fact]
    public async Task Quiet_prints_nothing_when_all_is_well_and_only_the_problems_otherwise()
    {
        await using var db = await IncidentAsync(server);
        await db.ExecuteAsync("CREATE TABLE fine (id serial); INSERT INTO fine DEFAULT VALUES;");
        var url = db.ConnectionStringForPsql();

        var problems = await CliRunner.RunAsync("check", "--quiet", url);
        Assert.Equal(2, problems.ExitCode);
        Assert.Contains("public.loans_id_seq", problems.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("public.fine_id_seq", problems.Stdout, StringComparison.Ordinal);

        var fix = await CliRunner.RunAsync("fix", "--quiet", url);
        Assert.Contains("| repaired |", fix.Stdout, StringComparison.Ordinal);

        var clean = await CliRunner.RunAsync("check", "--quiet", url);
        Assert.Equal((0, string.Empty, string.Empty), (clean.ExitCode, clean.Stdout, clean.Stderr));
    }
}
