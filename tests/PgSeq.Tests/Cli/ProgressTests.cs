using System.Collections.Concurrent;
using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Cli;

/// <summary>The progress bar appears on standard error for runs over a second, on a terminal only, never with --json; its
/// totals never grow once shown.</summary>
public sealed class ProgressTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // A fix that waits on a held lock for longer than the bar's one-second delay.
    private async Task<CliResult> SlowFixAsync(string[] extra, bool terminal)
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE held (id serial); INSERT INTO held VALUES (5);");
        await using var holder = await db.DataSource.OpenConnectionAsync(Cancel);
        await using var transaction = await holder.BeginTransactionAsync(Cancel);
        await using (var hold = new NpgsqlCommand("LOCK TABLE held IN ROW EXCLUSIVE MODE", holder))
        {
            await hold.ExecuteNonQueryAsync(Cancel);
        }

        var result = await CliRunner.RunAsync(["fix", "--lock-timeout", "1800ms", .. extra, db.ConnectionStringForPsql()], new Dictionary<string, string>(), terminal);
        await transaction.RollbackAsync(Cancel);
        return result;
    }

    [Fact]
    public async Task A_long_run_on_a_terminal_shows_phase_and_counts_on_stderr()
    {
        var result = await SlowFixAsync([], terminal: true);

        Assert.Contains("Repairing 0/1", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Repairing", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_phase_total_is_the_real_one_from_the_start_or_unknown_until_the_last_window_never_one_that_grows()
    {
        await using var db = await server.CreateDatabaseAsync();

        // Two windows of the catalog (4,000 sequences each): a drifted table in each, and sequences that feed nothing.
        await db.ExecuteAsync("CREATE TABLE a_first (id serial); INSERT INTO a_first VALUES (9); CREATE TABLE zz_last (id serial); INSERT INTO zz_last VALUES (9);");
        await db.ExecuteAsync("DO $$ BEGIN FOR i IN 1..2100 LOOP EXECUTE format('CREATE SEQUENCE s%s', lpad(i::text, 4, '0')); END LOOP; END $$;");
        await db.ExecuteAsync("DO $$ BEGIN FOR i IN 2101..4100 LOOP EXECUTE format('CREATE SEQUENCE s%s', lpad(i::text, 4, '0')); END LOOP; END $$;");
        var reports = new ConcurrentQueue<RunProgress>();

        var report = await SequenceDrift.FixAsync(db.DataSource, new FixOptions { Progress = new Collected(reports) }, Cancel);

        Assert.Equal(2, report.Summary.Repaired);
        var phases = reports.GroupBy(r => r.Phase).ToDictionary(g => g.Key, g => g.ToList());
        Assert.All(phases[RunPhase.ReadingSequences], r => Assert.Equal(4102, r.Total));
        Assert.Equal(4102, phases[RunPhase.ReadingSequences].Max(r => r.Done));
        foreach (var (phase, total) in new[] { (RunPhase.Measuring, 2), (RunPhase.Repairing, 2) })
        {
            Assert.Equal([total], phases[phase].Select(r => r.Total).Where(t => t > 0).Distinct());
            Assert.All(phases[phase], r => Assert.True(r.Total == 0 || r.Done <= r.Total, $"{phase} {r.Done}/{r.Total}"));
        }
    }

    [Fact]
    public async Task No_progress_off_a_terminal_or_with_json()
    {
        Assert.Empty((await SlowFixAsync([], terminal: false)).Stderr);
        Assert.DoesNotContain("Repairing", (await SlowFixAsync(["--json"], terminal: true)).Output, StringComparison.Ordinal);
    }

    // Keeps every report as it is made (Progress<T> would post them to a synchronisation context, out of order).
    private sealed class Collected(ConcurrentQueue<RunProgress> reports) : IProgress<RunProgress>
    {
        public void Report(RunProgress value) => reports.Enqueue(value);
    }
}
