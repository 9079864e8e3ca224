using System.Text.Json;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Check;

/// <summary>Capacity on a real server: statuses, thresholds, exit codes and JSON.</summary>
public sealed class CapacityTests(PostgresServer server)
{
    private async Task<TestDatabase> CreateAsync()
    {
        var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE TABLE warm (id serial PRIMARY KEY);
            SELECT setval('warm_id_seq', 1700000000);
            CREATE SEQUENCE hot_seq AS integer;
            CREATE TABLE hot (id bigint PRIMARY KEY DEFAULT nextval('hot_seq'));
            SELECT setval('hot_seq', 2100000000);
            CREATE SEQUENCE wide_seq;
            CREATE TABLE narrow_column (id integer PRIMARY KEY DEFAULT nextval('wide_seq'));
            SELECT setval('wide_seq', 2000000000);
            CREATE TABLE roomy (id bigserial PRIMARY KEY);
            SELECT setval('roomy_id_seq', 2000000000);
            """);
        return db;
    }

    [Fact]
    public async Task Sequences_near_the_end_of_their_range_get_capacity_statuses_with_the_remedy()
    {
        await using var db = await CreateAsync();

        var report = await SequenceDrift.CheckAsync(db.DataSource, null, TestContext.Current.CancellationToken);

        Assert.Equal(SequenceStatus.CapacityWarning, report.For("public.warm_id_seq").Status);
        Assert.Equal(SequenceStatus.CapacityCritical, report.For("public.hot_seq").Status);
        var narrow = report.For("public.wide_seq");
        Assert.Equal((SequenceStatus.CapacityCritical, "public.narrow_column.id integer"), (narrow.Status, narrow.Capacity!.LimitedBy));
        Assert.Contains("widen with ALTER TABLE public.narrow_column ALTER COLUMN id TYPE bigint", narrow.Reason.ToString(), StringComparison.Ordinal);
        var roomy = report.For("public.roomy_id_seq");
        Assert.Equal((SequenceStatus.Ok, CapacityLevel.Ok), (roomy.Status, roomy.Capacity!.Level));
        Assert.Equal((1, 2), (report.Summary.CapacityWarning, report.Summary.CapacityCritical));
    }

    [Fact]
    public async Task Check_exits_2_on_critical_and_on_warning_only_when_asked()
    {
        await using var db = await CreateAsync();
        var url = db.ConnectionStringForPsql();

        Assert.Equal(2, (await CliRunner.RunAsync("check", url)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("check", "--table", "warm", url)).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync("check", "--table", "warm", "--fail-on-warning", url)).ExitCode);
        Assert.Equal(0, (await CliRunner.RunAsync("check", "--warn", "85", "--critical", "99.9", url)).ExitCode);
        var lowered = await CliRunner.RunAsync("check", "--table", "warm", "--warn", "50", "--critical", "70", url);
        Assert.Equal(2, lowered.ExitCode);
        Assert.Contains("| capacity critical |", lowered.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, (await CliRunner.RunAsync("check", "--warn", "95", "--critical", "90", url)).ExitCode);
    }

    [Fact]
    public async Task Capacity_figures_are_always_in_the_json()
    {
        await using var db = await CreateAsync();

        var result = await CliRunner.RunAsync("check", "--json", db.ConnectionStringForPsql());

        using var json = JsonDocument.Parse(result.Stdout);
        foreach (var sequence in json.RootElement.GetProperty("sequences").EnumerateArray())
        {
            var capacity = sequence.GetProperty("capacity");
            Assert.True(capacity.GetProperty("used_ratio").GetDouble() is >= 0 and <= 1);
            Assert.True(capacity.GetProperty("remaining").GetInt64() > 0);
        }

        var hot = json.RootElement.GetProperty("sequences").EnumerateArray().Single(s => s.GetProperty("sequence").GetString() == "public.hot_seq");
        Assert.Equal(("capacity_critical", "critical", 2147483647L), (hot.GetProperty("status").GetString(), hot.GetProperty("capacity").GetProperty("level").GetString(), hot.GetProperty("capacity").GetProperty("limit").GetInt64()));
        Assert.Equal(2, json.RootElement.GetProperty("summary").GetProperty("capacity_critical").GetInt32());
    }
}
