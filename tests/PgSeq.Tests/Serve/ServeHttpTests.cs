using System.Net;
using System.Net.Sockets;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Serve;

/// <summary>The HTTP side of pgseq serve: formats, liveness, bad requests, start-up and start-up errors.</summary>
[Collection("serve")]
public sealed class ServeHttpTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_come_in_the_text_format_or_openmetrics_on_request_healthz_is_live_and_bad_requests_get_404_or_405_without_a_stack_trace()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        using var serve = await ServeProcess.StartAsync("--interval", "1h", db.ConnectionStringForPsql());

        var drift = await serve.WaitForSampleAsync(s => s.Name == "pgseq_drift" && s.Labels["sequence"] == "public.loans_id_seq", TimeSpan.FromSeconds(30), "the first check is exported");
        Assert.Equal(1, drift.Value);

        using (var text = await serve.SendAsync(HttpMethod.Get, "/metrics"))
        {
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", text.Content.Headers.ContentType!.ToString());
            Assert.False(text.Headers.Contains("Server"));
        }

        using (var openMetrics = await serve.SendAsync(HttpMethod.Get, "/metrics", ServeProcess.PrometheusAccept))
        {
            var body = await openMetrics.Content.ReadAsStringAsync(Cancel);
            Assert.Equal("application/openmetrics-text; version=1.0.0; charset=utf-8", openMetrics.Content.Headers.ContentType!.ToString());
            Assert.EndsWith("# EOF\n", body, StringComparison.Ordinal);
            Assert.Contains("# TYPE pgseq_check_failures counter", body, StringComparison.Ordinal);
            Assert.Contains($$"""pgseq_drift{server="{{server.Host}}:{{server.Port}}",database="{{db.Name}}",sequence="public.loans_id_seq",table="public.loans",column="id"} 1.0""", body, StringComparison.Ordinal);
        }

        using (var health = await serve.SendAsync(HttpMethod.Get, "/healthz"))
        {
            Assert.Equal((HttpStatusCode.OK, "ok\n"), (health.StatusCode, await health.Content.ReadAsStringAsync(Cancel)));
        }

        foreach (var (method, path, expected) in ((HttpMethod, string, HttpStatusCode)[])[
            (HttpMethod.Get, "/nope", HttpStatusCode.NotFound),
            (HttpMethod.Get, "/metrics/extra", HttpStatusCode.NotFound),
            (HttpMethod.Post, "/metrics", HttpStatusCode.MethodNotAllowed),
            (HttpMethod.Delete, "/healthz", HttpStatusCode.MethodNotAllowed)])
        {
            using var response = await serve.SendAsync(method, path);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.Equal(expected, response.StatusCode);
            Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        }

        var stopped = await serve.StopAsync();
        Assert.True(stopped.ExitCode == 0, stopped.Output);
        Assert.StartsWith($"pgseq serve: listening on http://{serve.Address}/metrics; checking 1 target every 1h, at most 4 at once\n", stopped.Stderr, StringComparison.Ordinal);
        Assert.Matches($@"Z pgseq command=serve target=postgres@{server.Host}:{server.Port}/{db.Name} event=checked database={db.Name} sequences=2 ok=0 drift=2 .* duration_ms=", stopped.Stderr);
        Assert.DoesNotContain("   at ", stopped.Output, StringComparison.Ordinal);
        TestContext.Current.TestOutputHelper?.WriteLine($"first 200 on /healthz {serve.StartedIn.TotalMilliseconds:0} ms after the process started");
        Assert.True(serve.StartedIn < TimeSpan.FromSeconds(3), $"took {serve.StartedIn} to answer /healthz");
    }

    [Fact]
    public async Task Start_up_errors_are_one_line_with_exit_1()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var url = $"postgresql://postgres@{server.Host}:{server.Port}/postgres";

        foreach (var (args, message) in ((string[], string)[])[
            (["serve", "--listen", $"127.0.0.1:{port}", url], $"pgseq: error: cannot listen on 127.0.0.1:{port}: "),
            (["serve", "--listen", "db.example:9632", url], "pgseq: error: --listen expects HOST:PORT"),
            (["serve", "--listen", "127.0.0.1:0", url], "pgseq: error: --listen expects HOST:PORT"),
            (["serve", "--interval", "100ms", url], "pgseq: error: --interval must be at least 1s"),
            (["serve", "--series", "some", url], "pgseq: error: "),
            (["serve", "--targets", "/nonexistent/targets.txt"], "pgseq: error: cannot read the targets file /nonexistent/targets.txt"),
            (["serve", "--links", "/nonexistent/links.txt", url], "pgseq: error: cannot read the links file /nonexistent/links.txt"),
            (["serve", "host=db port=x"], "pgseq: error: #1: connection parameter port must be a whole number"),
            (["serve", "--log", "/nonexistent/dir/serve.log", "--listen", $"127.0.0.1:{FreePort.Next()}", url], "pgseq: error: cannot write the log file /nonexistent/dir/serve.log: ")])
        {
            var result = await CliRunner.RunAsync(args);
            Assert.True(result.ExitCode == 1, $"{string.Join(' ', args)}: {result}");
            Assert.StartsWith(message, result.Stderr, StringComparison.Ordinal);
            Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        }
    }
}
