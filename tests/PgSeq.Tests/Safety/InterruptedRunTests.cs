using System.Text.Json;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Safety;

/// <summary>
/// A run interrupted part-way says exactly what happened in every output: how many of the sequences in scope it read,
/// what it did with them, and how many it never read; never "nothing to check", and never counts that pass for the
/// whole database. The catalog window is 4,000 sequences: the runs below stop after the first window and before the
/// second, which is never read.
/// </summary>
public sealed class InterruptedRunTests(PostgresServer server)
{
    private const int Bare = 4049;

    // a_blocked (drifted, first by name) waits for a writer's uncommitted insert when fix repairs it; zz_held (last by
    // name, in the second window) is locked against readers, so check waits on its MAX; the bare sequences feed nothing.
    private static async Task<(HeldTable Writer, HeldTable Locked)> ScopeAsync(TestDatabase db)
    {
        await db.ExecuteAsync("CREATE TABLE a_blocked (id serial PRIMARY KEY); INSERT INTO a_blocked VALUES (100);");
        foreach (var (from, to) in new[] { (1, Bare / 2), ((Bare / 2) + 1, Bare) })
        {
            await db.ExecuteAsync($"DO $$ BEGIN FOR i IN {from}..{to} LOOP EXECUTE format('CREATE SEQUENCE s%s', lpad(i::text, 4, '0')); END LOOP; END $$;");
        }

        await db.ExecuteAsync("CREATE TABLE zz_held (id serial PRIMARY KEY); INSERT INTO zz_held VALUES (100);");
        return (await HeldTable.WriteAsync(db, "INSERT INTO a_blocked VALUES (200)"), await HeldTable.LockAsync(db, "zz_held"));
    }

    private static async Task<ProcessResult> InterruptedAsync(TestDatabase db, params string[] arguments)
    {
        using var run = PgSeqProcess.Start([.. arguments, "--lock-timeout", "5min", db.ConnectionStringForPsql()]);
        await Eventually.HoldsAsync(async () => await db.Server.PgSeqSessionsAsync(db.Name, "Lock") == 1, TimeSpan.FromSeconds(60), "pgseq waits for a lock");
        await run.SignalAsync("INT");
        var result = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(result.ExitCode == 130, result.Output);
        Assert.DoesNotContain("nothing to check", result.Output, StringComparison.Ordinal);
        return result;
    }

    [Fact]
    public async Task An_interrupted_fix_reports_what_it_read_and_did_and_how_many_it_never_read_in_every_format()
    {
        await using var db = await server.CreateDatabaseAsync();
        var (writer, locked) = await ScopeAsync(db);
        await using var writerScope = writer;
        await using var lockedScope = locked;
        var log = Path.Combine(Path.GetTempPath(), $"pgseq-interrupted-{Guid.NewGuid():N}.log");
        try
        {
            var table = await InterruptedAsync(db, "fix", "--log", log);
            Assert.Contains(
                "Interrupted after 4000 of 4051 sequences; 51 not read. 4000 sequences: 1 left in drift, 3999 unlinked.", table.Stdout, StringComparison.Ordinal);
            Assert.Equal("pgseq: interrupted: nothing was changed", table.Stderr.TrimEnd());
            var closing = File.ReadLines(log).Last();
            Assert.Contains("event=interrupted database=" + db.Name + " sequences=4000 ok=0 drift=1 repaired=0", closing, StringComparison.Ordinal);
            Assert.EndsWith("not_read=51 exit_code=130", closing, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(log);
        }

        var json = await InterruptedAsync(db, "fix", "--json");
        using (var document = JsonDocument.Parse(json.Stdout))
        {
            var summary = document.RootElement.GetProperty("summary");
            Assert.True(document.RootElement.GetProperty("interrupted").GetBoolean());
            Assert.Equal((4000, 1, 51), (summary.GetProperty("sequences").GetInt32(), summary.GetProperty("drift").GetInt32(), summary.GetProperty("not_read").GetInt32()));
        }

        var nagios = await InterruptedAsync(db, "fix", "--format", "nagios");
        Assert.Contains(": interrupted after 4000 of 4051 sequences, 51 not read; public.a_blocked_id_seq drift", Assert.Single(nagios.Stdout.TrimEnd().Split('\n')), StringComparison.Ordinal);
        Assert.DoesNotContain("in sync", nagios.Stdout, StringComparison.Ordinal);

        var prometheus = await InterruptedAsync(db, "fix", "--format", "prometheus");
        Assert.Contains(": interrupted after 4000 of 4051 sequences, 51 not read\n", prometheus.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, Exposition.Parse(prometheus.Stdout).Single(s => s.Name == "pgseq_check_success").Value);
        Assert.Equal((1L, false), await db.SequenceStateAsync("a_blocked_id_seq"));
    }

    [Fact]
    public async Task An_interrupted_check_prints_what_it_read_and_how_many_it_never_read()
    {
        await using var db = await server.CreateDatabaseAsync();
        var (writer, locked) = await ScopeAsync(db);
        await using var writerScope = writer;
        await using var lockedScope = locked;

        var check = await InterruptedAsync(db, "check");

        Assert.Contains("| public.a_blocked ", check.Stdout, StringComparison.Ordinal);
        Assert.Contains(
            "Interrupted after 4000 of 4051 sequences; 51 not read. 4000 sequences checked: 1 drift, 3999 unlinked.", check.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("zz_held", check.Stdout, StringComparison.Ordinal);
        Assert.Equal("pgseq: interrupted: nothing was changed", check.Stderr.TrimEnd());
    }
}
