using System.Diagnostics;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Serve;

/// <summary>Scrapes serve the last results: fast while a check runs, and without a single query on the database.</summary>
[Collection("serve")]
public sealed class ServeLoadTests(PostgresServer server)
{
    private const int Concurrent = 50;

    [Fact]
    public async Task Fifty_concurrent_scrapes_while_a_check_runs_are_each_answered_in_well_under_a_second()
    {
        await using var checkedDb = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(checkedDb);
        await using var running = await server.CreateDatabaseAsync();
        await running.ExecuteAsync("CREATE TABLE held (id serial PRIMARY KEY); INSERT INTO held VALUES (1);");
        await using var held = await HeldTable.LockAsync(running, "held");
        using var serve = await ServeProcess.StartAsync("--interval", "1s", "--lock-timeout", "5min", checkedDb.ConnectionStringForPsql(), running.ConnectionStringForPsql());
        await serve.WaitForSampleAsync(s => s.Name == "pgseq_check_success" && s.Labels["database"] == checkedDb.Name, TimeSpan.FromSeconds(30), "the first database is exported");
        await Eventually.HoldsAsync(async () => await server.PgSeqSessionsAsync(running.Name, "Lock") == 1, TimeSpan.FromSeconds(30), "a check is running");

        var latencies = await ScrapeBurstAsync(serve);

        Assert.Equal(1, await server.PgSeqSessionsAsync(running.Name, "Lock"));
        var (median, slowest) = (latencies[latencies.Count / 2], latencies[^1]);
        TestContext.Current.TestOutputHelper?.WriteLine($"{Concurrent} concurrent scrapes during a check: median {median.TotalMilliseconds:0.0} ms, slowest {slowest.TotalMilliseconds:0.0} ms");
        Assert.True(slowest < TimeSpan.FromSeconds(1), $"the slowest of {Concurrent} scrapes took {slowest}");
    }

    [Fact]
    public async Task A_burst_of_scrapes_between_checks_runs_no_transaction_on_the_database()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        using var serve = await ServeProcess.StartAsync("--interval", "1h", db.ConnectionStringForPsql());
        await serve.WaitForSampleAsync(s => s.Name == "pgseq_check_success" && s.Labels["database"] == db.Name, TimeSpan.FromSeconds(30), "the check is exported");
        await Eventually.HoldsAsync(async () => await server.PgSeqSessionsAsync(db.Name) == 0, TimeSpan.FromSeconds(30), "the check's sessions are closed");

        // Statistics reach pg_stat_database when a session ends or within a second or so; read them from another
        // database (the maintenance one), so that reading adds nothing, once they have stopped moving.
        var before = await StableActivityAsync(db);
        var scrapes = 0;
        for (var round = 0; round < 4; round++)
        {
            scrapes += (await ScrapeBurstAsync(serve)).Count;
        }

        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        var after = await StableActivityAsync(db);

        TestContext.Current.TestOutputHelper?.WriteLine($"{scrapes} scrapes: pg_stat_database sessions (xact_commit before 14) {before} → {after}");
        Assert.Equal(before, after);
        Assert.Equal(0, await server.PgSeqSessionsAsync(db.Name));
    }

    private static async Task<List<TimeSpan>> ScrapeBurstAsync(ServeProcess serve)
    {
        using var start = new ManualResetEventSlim();
        var scrapes = Enumerable.Range(0, Concurrent).Select(_ => Task.Run(async () =>
        {
            start.Wait(TestContext.Current.CancellationToken);
            var clock = Stopwatch.StartNew();
            using var response = await serve.SendAsync(HttpMethod.Get, "/metrics", ServeProcess.PrometheusAccept);
            var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(response.IsSuccessStatusCode && body.EndsWith("# EOF\n", StringComparison.Ordinal), body);
            return clock.Elapsed;
        })).ToList();
        start.Set();
        return [.. (await Task.WhenAll(scrapes)).Order()];
    }

    private async Task<long> StableActivityAsync(TestDatabase db)
    {
        var last = await ActivityAsync(db);
        while (true)
        {
            await Task.Delay(TimeSpan.FromSeconds(1.5), TestContext.Current.CancellationToken);
            var now = await ActivityAsync(db);
            if (now == last)
            {
                return now;
            }

            last = now;
        }
    }

    // A query from serve needs a session of its own (none is open between checks). From 14 the server counts client
    // sessions, which autovacuum's visits to the database do not add to, while they do commit transactions.
    private Task<long> ActivityAsync(TestDatabase db) =>
        server.AdminScalarAsync<long>("""
            SELECT CASE WHEN current_setting('server_version_num')::int >= 140000
                        THEN (to_jsonb(d) ->> 'sessions')::bigint ELSE d.xact_commit END
            FROM pg_stat_database d WHERE d.datname = $1
            """, db.Name);
}
