using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Serve;

/// <summary>--series and --top choose which sequences get series in --format prometheus (as in serve); counts per
/// status always cover them all.</summary>
public sealed class SeriesSelectionTests(PostgresServer server)
{
    [Fact]
    public async Task Problems_and_the_fullest_get_series_by_default_all_gets_every_one_and_counts_cover_everything()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        await db.ExecuteAsync("""
            CREATE TABLE empty_one (id serial); CREATE TABLE half (id serial); CREATE TABLE quarter (id serial);
            SELECT setval('half_id_seq', 1000000000); SELECT setval('quarter_id_seq', 500000000);
            """);
        var url = db.ConnectionStringForPsql();
        async Task<List<string>> SequencesWithSeries(params string[] options)
        {
            var result = await CliRunner.RunAsync(["check", "--format", "prometheus", .. options, url]);
            Assert.True(result.ExitCode == 0, result.ToString());
            var samples = Exposition.Parse(result.Stdout);
            Assert.Equal(3, samples.Single(s => s.Name == "pgseq_sequences" && s.Labels["status"] == "ok").Value);
            Assert.Equal(2, samples.Single(s => s.Name == "pgseq_sequences" && s.Labels["status"] == "drift").Value);
            return [.. samples.Where(s => s.Name == "pgseq_drift").Select(s => s.Labels["sequence"])];
        }

        string[] everything = ["public.empty_one_id_seq", "public.half_id_seq", "public.installments_id_seq", "public.loans_id_seq", "public.quarter_id_seq"];
        Assert.Equal(everything, await SequencesWithSeries());
        Assert.Equal(["public.half_id_seq", "public.installments_id_seq", "public.loans_id_seq"], await SequencesWithSeries("--top", "1"));
        Assert.Equal(["public.installments_id_seq", "public.loans_id_seq"], await SequencesWithSeries("--series", "problems", "--top", "0"));
        Assert.Equal(everything, await SequencesWithSeries("--series", "all", "--top", "0"));

        var fix = await CliRunner.RunAsync("fix", "--format", "prometheus", "--top", "0", url);
        Assert.True(fix.ExitCode == 0, fix.ToString());
        var repaired = Exposition.Parse(fix.Stdout).Where(s => s.Name == "pgseq_repaired").ToList();
        Assert.Equal(["public.installments_id_seq", "public.loans_id_seq"], repaired.Select(s => s.Labels["sequence"]));
        Assert.All(repaired, s => Assert.Equal(1, s.Value));
    }

    [Fact]
    public async Task Series_options_without_the_prometheus_format_are_refused_in_one_line()
    {
        var result = await CliRunner.RunAsync("check", "--series", "all", "postgresql://postgres@127.0.0.1:1/gone");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("pgseq: error: --series and --top choose the series of --format prometheus", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
    }
}
