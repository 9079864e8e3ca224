using System.Diagnostics;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Serve;

/// <summary>A dead database and one whose check hangs on a lock delay neither the healthy database's checks nor a scrape.</summary>
[Collection("serve")]
public sealed class ServeIsolationTests(PostgresServer server)
{
    private const string Refused = "postgresql://postgres@127.0.0.1:1/gone";

    [Fact]
    public async Task A_dead_and_a_stuck_database_do_not_hold_up_the_healthy_one_or_the_scrape()
    {
        await using var healthy = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(healthy);
        await using var stuck = await server.CreateDatabaseAsync();
        await stuck.ExecuteAsync("CREATE TABLE held (id serial PRIMARY KEY); INSERT INTO held VALUES (1), (2);");
        await using var held = await HeldTable.LockAsync(stuck, "held");

        using var serve = await ServeProcess.StartAsync("--interval", "1s", "--lock-timeout", "5min",
            stuck.ConnectionStringForPsql(), Refused, healthy.ConnectionStringForPsql());
        await Eventually.HoldsAsync(async () => await server.PgSeqSessionsAsync(stuck.Name, "Lock") == 1, TimeSpan.FromSeconds(30), "the stuck check waits for its lock");
        await serve.WaitForSampleAsync(s => s.Name == "pgseq_check_success" && s.Labels["database"] == healthy.Name, TimeSpan.FromSeconds(30), "the healthy database is exported");
        await serve.WaitForSampleAsync(s => s.Name == "pgseq_check_success" && s.Labels["database"] == "gone", TimeSpan.FromSeconds(30), "the dead database is exported");

        double Value(List<Exposition.Sample> samples, string name, string database, string? reason = null) =>
            samples.Single(s => s.Name == name && s.Labels["database"] == database && (reason is null || s.Labels["reason"] == reason)).Value;
        var clock = Stopwatch.StartNew();
        var first = await serve.SamplesAsync();
        var firstScrape = clock.Elapsed;
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);
        clock.Restart();
        var later = await serve.SamplesAsync();
        var laterScrape = clock.Elapsed;

        // The healthy database is checked every second all the while, and its figures are right.
        Assert.True(Value(later, "pgseq_check_timestamp_seconds", healthy.Name) > Value(first, "pgseq_check_timestamp_seconds", healthy.Name), "the healthy database was checked again");
        Assert.Equal(1, Value(later, "pgseq_check_success", healthy.Name));
        Assert.Equal(2, later.Single(s => s.Name == "pgseq_sequences" && s.Labels["database"] == healthy.Name && s.Labels["status"] == "drift").Value);

        // The dead one fails every time, as a connection failure; its count grows.
        Assert.Equal(0, Value(later, "pgseq_check_success", "gone"));
        Assert.True(Value(later, "pgseq_check_failures_total", "gone", "connection") > Value(first, "pgseq_check_failures_total", "gone", "connection"), "the connection failures are counted");
        Assert.Equal(0, Value(later, "pgseq_check_failures_total", "gone", "timeout"));
        Assert.DoesNotContain(later, s => s.Name == "pgseq_check_timestamp_seconds" && s.Labels["database"] == "gone");

        // The stuck one has not finished a check, so it has no results yet, and it is still waiting.
        Assert.DoesNotContain(later, s => s.Name == "pgseq_check_success" && s.Labels["database"] == stuck.Name);
        Assert.Equal(1, await server.PgSeqSessionsAsync(stuck.Name, "Lock"));
        Assert.True(firstScrape < TimeSpan.FromSeconds(1) && laterScrape < TimeSpan.FromSeconds(1), $"scrapes took {firstScrape} and {laterScrape}");

        // Once the lock is gone, the stuck database's check ends and is exported.
        await held.DisposeAsync();
        await serve.WaitForSampleAsync(s => s.Name == "pgseq_check_success" && s.Labels["database"] == stuck.Name && s.Value == 1, TimeSpan.FromSeconds(30), "the stuck database is checked");
        var stopped = await serve.StopAsync();
        Assert.Equal(0, stopped.ExitCode);
        Assert.Contains("target=postgres@127.0.0.1:1/gone event=error reason=connection message=\"could not connect to postgres@127.0.0.1:1/gone: connection refused", stopped.Stderr, StringComparison.Ordinal);
    }
}
