using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Serve;

/// <summary>10,000 healthy sequences: the default /metrics stays small, --series all has every one.</summary>
[Collection("serve")]
public sealed class ServeScaleTests(PostgresServer server)
{
    private const int Sequences = 10_000;

    // One serial table per sequence, each with a row its sequence has handed out; committing every 250 tables keeps
    // the set-up within the default lock table.
    private const string Build = """
        CREATE PROCEDURE healthy_build(n int) LANGUAGE plpgsql AS $$
        BEGIN
          FOR i IN 1..n LOOP
            EXECUTE format('CREATE TABLE %I (id serial PRIMARY KEY)', 't' || i);
            EXECUTE format('INSERT INTO %I DEFAULT VALUES', 't' || i);
            IF i % 250 = 0 THEN
              COMMIT;
            END IF;
          END LOOP;
        END $$;
        """;

    [Fact]
    public async Task At_ten_thousand_healthy_sequences_the_default_metrics_stay_a_few_hundred_lines_and_series_all_has_every_sequence()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Build);
        await db.ExecuteAsync($"CALL healthy_build({Sequences})");
        var url = db.ConnectionStringForPsql();
        using var problems = await ServeProcess.StartAsync("--interval", "1h", url);
        using var all = await ServeProcess.StartAsync("--interval", "1h", "--series", "all", url);

        var (defaultLines, defaultSamples) = await CheckedAsync(problems);
        var (allLines, allSamples) = await CheckedAsync(all);

        TestContext.Current.TestOutputHelper?.WriteLine($"{Sequences} healthy sequences: /metrics has {defaultLines} lines by default, {allLines} with --series all");
        Assert.True(defaultLines < 300, $"{defaultLines} lines by default");
        Assert.Equal(10, defaultSamples.Count(s => s.Name == "pgseq_drift"));
        Assert.Equal(Sequences, allSamples.Count(s => s.Name == "pgseq_drift"));
        Assert.Equal(Sequences * 8, allSamples.Count(s => s.Name == "pgseq_sequence_status"));
        Assert.All(allSamples.Where(s => s.Name == "pgseq_drift"), s => Assert.Equal(0, s.Value));
        foreach (var samples in (List<Exposition.Sample>[])[defaultSamples, allSamples])
        {
            Assert.Equal(Sequences, samples.Single(s => s.Name == "pgseq_sequences" && s.Labels["status"] == "ok").Value);
            Assert.Equal(1, samples.Single(s => s.Name == "pgseq_check_success").Value);
        }
    }

    private static async Task<(int Lines, List<Exposition.Sample> Samples)> CheckedAsync(ServeProcess serve)
    {
        await serve.WaitForSampleAsync(s => s.Name == "pgseq_check_success", TimeSpan.FromMinutes(5), "the check of 10,000 sequences is exported");
        var text = await serve.MetricsAsync();
        return (text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, Exposition.Parse(text, "gauge", "counter"));
    }
}
