using System.Diagnostics;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Serve;

/// <summary>pgseq serve stops at once on SIGTERM or Ctrl-C, even mid-check, and a requested stop exits 0.</summary>
[Collection("serve")]
public sealed class ServeStopTests(PostgresServer server)
{
    [Theory]
    [InlineData("TERM")]
    [InlineData("INT")]
    public async Task A_signal_mid_check_cancels_the_waiting_query_and_stops_with_exit_0_and_a_last_log_line(string signal)
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE held (id serial PRIMARY KEY); INSERT INTO held VALUES (1);");
        await using var held = await HeldTable.LockAsync(db, "held");
        var log = Path.Combine(Path.GetTempPath(), $"pgseq-serve-{Guid.NewGuid():N}.log");
        try
        {
            using var serve = await ServeProcess.StartAsync("--interval", "1h", "--lock-timeout", "5min", "--log", log, db.ConnectionStringForPsql());
            await Eventually.HoldsAsync(async () => await server.PgSeqSessionsAsync(db.Name, "Lock") == 1, TimeSpan.FromSeconds(30), "the check waits for its lock");

            var clock = Stopwatch.StartNew();
            var result = await serve.StopAsync(signal);
            var took = clock.Elapsed;

            TestContext.Current.TestOutputHelper?.WriteLine($"stop on SIG{signal} mid-check: {took.TotalMilliseconds:0} ms");
            Assert.True(result.ExitCode == 0, result.Output);
            Assert.True(took < TimeSpan.FromSeconds(5), $"took {took} to stop");
            Assert.EndsWith("pgseq serve: stopped\n", result.Stderr, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", result.Output, StringComparison.Ordinal);
            Assert.EndsWith("event=stopped", (await File.ReadAllLinesAsync(log, TestContext.Current.CancellationToken))[^1], StringComparison.Ordinal);
            await Eventually.HoldsAsync(async () => await server.PgSeqSessionsAsync(db.Name) == 0, TimeSpan.FromSeconds(10), "the check's session is gone");
        }
        finally
        {
            File.Delete(log);
        }
    }
}
