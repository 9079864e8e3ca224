using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Cli;

/// <summary>The progress bar appears on standard error for runs over a second, on a terminal only, never with --json.</summary>
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
    public async Task No_progress_off_a_terminal_or_with_json()
    {
        Assert.Empty((await SlowFixAsync([], terminal: false)).Stderr);
        Assert.DoesNotContain("Repairing", (await SlowFixAsync(["--json"], terminal: true)).Output, StringComparison.Ordinal);
    }
}
