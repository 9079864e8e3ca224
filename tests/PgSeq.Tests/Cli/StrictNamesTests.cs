using System.Text.Json;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Cli;

/// <summary>
/// --strict-names (CheckOptions.StrictNames), pg_dump's convention: a schema or table pattern that matches nothing is
/// an error before anything is read, so a mistyped pattern in cron or serve cannot watch nothing for months.
/// </summary>
public sealed class StrictNamesTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<TestDatabase> IncidentAsync()
    {
        var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        return db;
    }

    [Fact]
    public async Task A_mistyped_table_pattern_is_nothing_to_check_without_strict_names_and_one_error_with_it()
    {
        await using var db = await IncidentAsync();

        var lax = await CliRunner.RunAsync("check", "-t", "public.lons", db.ConnectionStringForPsql());
        var strict = await CliRunner.RunAsync("check", "--strict-names", "-t", "public.lons", db.ConnectionStringForPsql());

        Assert.True(lax.ExitCode == 0, lax.ToString());
        Assert.Contains("nothing to check", lax.Stdout, StringComparison.Ordinal);
        Assert.True(strict.ExitCode == 1, strict.ToString());
        Assert.Equal(
            $"pgseq: error: table pattern 'public.lons' matches no table in database {db.Name}; check the pattern (psql's \\dt public.lons lists what it matches)",
            Assert.Single(strict.Stderr.TrimEnd().Split('\n')));
        Assert.Empty(strict.Stdout);
    }

    [Fact]
    public async Task A_fix_with_one_pattern_that_matches_nothing_changes_nothing_and_says_so_in_every_format()
    {
        await using var db = await IncidentAsync();
        var url = db.ConnectionStringForPsql();

        var table = await CliRunner.RunAsync("fix", "--strict-names", "-n", "public", "-t", "loans", "-t", "instalments", url);
        var json = await CliRunner.RunAsync("fix", "--strict-names", "--json", "-n", "pubic", url);
        var nagios = await CliRunner.RunAsync("check", "--strict-names", "--format", "nagios", "-t", "instalments", url);

        Assert.True(table.ExitCode == 1, table.ToString());
        Assert.Contains("table pattern 'instalments' matches no table", table.Stderr, StringComparison.Ordinal);
        Assert.True(json.ExitCode == 1, json.ToString());
        using (var document = JsonDocument.Parse(json.Stdout))
        {
            Assert.StartsWith($"schema pattern 'pubic' matches no schema in database {db.Name}", document.RootElement.GetProperty("error").GetString(), StringComparison.Ordinal);
        }

        Assert.True(nagios.ExitCode == 3, nagios.ToString());
        Assert.StartsWith("PGSEQ UNKNOWN - ", nagios.Stdout, StringComparison.Ordinal);
        Assert.Contains("table pattern 'instalments' matches no table", nagios.Stdout, StringComparison.Ordinal);
        Assert.Equal((2L, false), await db.SequenceStateAsync("loans_id_seq"));
    }

    [Fact]
    public async Task Patterns_that_all_match_run_as_without_strict_names_and_exclusions_are_not_held_to_it()
    {
        await using var db = await IncidentAsync();

        var result = await CliRunner.RunAsync(
            "check", "--strict-names", "-n", "public", "-t", "public.loan*", "-t", "\"installments\"", "-T", "no_such_table", "-N", "no_such_schema",
            db.ConnectionStringForPsql());

        Assert.True(result.ExitCode == 2, result.ToString());
        Assert.Contains("2 sequences checked: 2 drift.", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_exports_a_target_whose_pattern_matches_nothing_as_a_failed_check()
    {
        await using var db = await IncidentAsync();

        using var serve = await ServeProcess.StartAsync("--strict-names", "-t", "instalments", "--interval", "1h", db.ConnectionStringForPsql());
        List<Exposition.Sample> samples = [];
        await Eventually.HoldsAsync(
            async () => (samples = await serve.SamplesAsync()).Any(s => s.Name == "pgseq_check_failures_total" && s.Labels["reason"] == "other" && s.Value == 1),
            TimeSpan.FromSeconds(30),
            "the first check failed");

        Assert.Equal(0, samples.Single(s => s.Name == "pgseq_check_success").Value);
        Assert.DoesNotContain(samples, s => s.Name == "pgseq_sequences");
    }

    [Fact]
    public async Task The_library_refuses_before_reading_anything()
    {
        await using var db = await IncidentAsync();

        var error = await Assert.ThrowsAsync<PgSeqException>(() => SequenceDrift.FixAsync(
            db.DataSource, new FixOptions { StrictNames = true, Tables = ["loans", "nothing*"] }, Cancel));

        Assert.Equal("table_pattern_unmatched", error.Phrase?.Key);
        Assert.Equal((2L, false), await db.SequenceStateAsync("loans_id_seq"));
    }
}
