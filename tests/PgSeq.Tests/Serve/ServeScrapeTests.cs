using System.Diagnostics;
using System.Text.Json;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Serve;

/// <summary>pgseq serve scraped by a real Prometheus server, with the deploy rules loaded: the series and their values
/// as Prometheus stores them, the dashboard's queries, and drift that clears after pgseq fix.</summary>
[Collection("serve")]
public sealed class ServeScrapeTests(PostgresServer server)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Prometheus_scrapes_the_drift_with_its_figures_and_sees_it_clear_within_a_check_interval_after_fix()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        using var serve = await ServeProcess.StartAsync("--interval", "2s", db.ConnectionStringForPsql());
        await using var prometheus = await PrometheusServer.StartAsync(serve.Address, Repository.File("deploy", "prometheus", "pgseq-rules.yml"));
        var loans = $$"""{database="{{db.Name}}",sequence="public.loans_id_seq"}""";

        await prometheus.WaitForAsync($"pgseq_drift{loans} == 1", TimeSpan.FromSeconds(60));
        async Task<double> Value(string expression) => Assert.Single(await prometheus.QueryAsync(expression)).Value;
        Assert.Equal(2, await Value($"pgseq_next_value{loans}"));
        Assert.Equal(28, await Value($"pgseq_column_max_value{loans}"));
        Assert.Equal(27, await Value($"pgseq_behind_by{loans}"));
        Assert.Equal(1, await Value($"pgseq_next_insert_collides{loans}"));
        Assert.Equal(1, await Value($$"""pgseq_sequence_status{database="{{db.Name}}",sequence="public.loans_id_seq",status="drift"}"""));
        Assert.Equal(2, await Value($$"""pgseq_sequences{database="{{db.Name}}",status="drift"}"""));
        Assert.Equal(0, await Value($$"""pgseq_sequences{database="{{db.Name}}",status="ok"}"""));
        Assert.Equal(1, await Value($$"""pgseq_check_success{database="{{db.Name}}"}"""));
        Assert.Equal(0, await Value($$"""sum(pgseq_check_failures_total{database="{{db.Name}}"})"""));
        Assert.Equal(1, await Value("""up{job="pgseq"}"""));
        var labels = Assert.Single(await prometheus.QueryAsync($"pgseq_drift{loans}")).Labels;
        Assert.Equal(($"{server.Host}:{server.Port}", "public.loans", "id"), (labels["server"], labels["table"], labels["column"]));
        Assert.Equal(1, await Value("""pgseq_build_info{version="0.1.0"}"""));
        Assert.InRange(await Value($$"""time() - pgseq_check_timestamp_seconds{database="{{db.Name}}"}"""), -1, 30);

        // The rules evaluate without error on real series, and the collision alert (no hold time) fires.
        await Eventually.HoldsAsync(async () => await AlertFiringAsync(prometheus, "PgseqNextInsertCollides", "public.loans_id_seq"), TimeSpan.FromSeconds(30), "PgseqNextInsertCollides fires");
        using (var rules = await prometheus.ApiAsync("/api/v1/rules"))
        {
            var all = rules.RootElement.GetProperty("data").GetProperty("groups").EnumerateArray().SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToList();
            Assert.Equal(8, all.Count);
            Assert.All(all, rule => Assert.True(rule.GetProperty("health").GetString() == "ok", rule.ToString()));
        }

        // Every query of the dashboard is valid PromQL (an invalid one fails the API call) and finds pgseq's series, the
        // ones over a range once Prometheus holds two scrapes of them.
        foreach (var expression in DashboardExpressions())
        {
            await prometheus.WaitForAsync(expression.Replace("$server", ".+", StringComparison.Ordinal).Replace("$database", ".+", StringComparison.Ordinal), TimeSpan.FromSeconds(15));
        }

        var fix = await CliRunner.RunAsync("fix", db.ConnectionStringForPsql());
        Assert.True(fix.ExitCode == 0, fix.ToString());
        var clock = Stopwatch.StartNew();
        await Eventually.HoldsAsync(async () => (await prometheus.QueryAsync($"pgseq_drift{loans} == 1")).Count == 0, TimeSpan.FromSeconds(30), "the drift clears");
        var cleared = clock.Elapsed;

        // Within one check interval and one scrape, with room for a busy machine.
        Assert.True(cleared < Interval + TimeSpan.FromSeconds(1) + TimeSpan.FromSeconds(5), $"the drift took {cleared} to clear");
        await Eventually.HoldsAsync(async () => (await prometheus.QueryAsync($$"""pgseq_sequences{database="{{db.Name}}",status="ok"} == 2""")).Count == 1, TimeSpan.FromSeconds(10), "both sequences are ok");
        Assert.Equal(0, await Value($"pgseq_drift{loans}"));
        TestContext.Current.TestOutputHelper?.WriteLine($"drift cleared {cleared.TotalSeconds:0.0} s after fix (interval 2 s, scrape 1 s)");
    }

    private static async Task<bool> AlertFiringAsync(PrometheusServer prometheus, string alert, string sequence)
    {
        using var alerts = await prometheus.ApiAsync("/api/v1/alerts");
        return alerts.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray().Any(a =>
            a.GetProperty("labels").GetProperty("alertname").GetString() == alert
            && a.GetProperty("labels").GetProperty("sequence").GetString() == sequence
            && a.GetProperty("state").GetString() == "firing");
    }

    private static List<string> DashboardExpressions()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(Repository.File("deploy", "grafana", "pgseq-dashboard.json")));
        var expressions = dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .SelectMany(panel => panel.GetProperty("targets").EnumerateArray())
            .Select(target => target.GetProperty("expr").GetString()!)
            .ToList();
        Assert.NotEmpty(expressions);
        return expressions;
    }
}
