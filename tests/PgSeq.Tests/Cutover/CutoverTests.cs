using System.Text.Json;
using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Cutover;

/// <summary>After a migration, the target's sequences reach at least the source's positions, and the two sides are compared.</summary>
public sealed class CutoverTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private const string Schema = """
        CREATE TABLE loans (id serial PRIMARY KEY);
        CREATE TABLE orders (id serial PRIMARY KEY);
        CREATE SEQUENCE stepped;
        CREATE TABLE steps (id bigint DEFAULT nextval('stepped'));
        INSERT INTO loans SELECT generate_series(1, 500);
        """;

    // The source kept handing out ids (some rows were deleted, or are still in flight) after the copy was taken.
    private static async Task<(TestDatabase Source, TestDatabase Target)> MigrationAsync(PostgresServer server)
    {
        var source = await server.CreateDatabaseAsync();
        await source.ExecuteAsync(Schema + """
            SELECT setval('loans_id_seq', 1000);
            SELECT setval('orders_id_seq', 50);
            CREATE SEQUENCE only_source_seq;
            """);
        var target = await server.CreateDatabaseAsync();
        await target.ExecuteAsync(Schema.Replace("CREATE SEQUENCE stepped;", "CREATE SEQUENCE stepped INCREMENT 2;", StringComparison.Ordinal) + """
            SELECT setval('loans_id_seq', 500);
            SELECT setval('orders_id_seq', 60);
            CREATE SEQUENCE only_target_seq;
            """);
        return (source, target);
    }

    [Fact]
    public async Task Check_from_the_source_reports_sequences_behind_it_and_every_difference()
    {
        var (source, target) = await MigrationAsync(server);
        await using var _ = source;
        await using var __ = target;

        var result = await CliRunner.RunAsync("check", "--json", target.ConnectionStringForPsql(), "--from", source.ConnectionStringForPsql());

        Assert.True(result.ExitCode == 2, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var sequences = json.RootElement.GetProperty("sequences").EnumerateArray().ToDictionary(s => s.GetProperty("sequence").GetString()!);
        var loans = sequences["public.loans_id_seq"];
        Assert.Equal(("drift", "behind_source", 501L, 1001L), (loans.GetProperty("status").GetString(), loans.GetProperty("finding").GetString(), loans.GetProperty("next_value").GetInt64(), loans.GetProperty("source_next_value").GetInt64()));
        Assert.Equal(("ok", 51L), (sequences["public.orders_id_seq"].GetProperty("status").GetString(), sequences["public.orders_id_seq"].GetProperty("source_next_value").GetInt64()));
        var cutover = json.RootElement.GetProperty("cutover");
        Assert.Equal(source.Name, cutover.GetProperty("source_database").GetString());
        Assert.Equal(1, cutover.GetProperty("behind").GetInt32());
        Assert.Equal(["public.only_source_seq"], cutover.GetProperty("missing_on_target").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["public.only_target_seq"], cutover.GetProperty("missing_on_source").EnumerateArray().Select(e => e.GetString()));
        var difference = Assert.Single(cutover.GetProperty("definition_differences").EnumerateArray());
        Assert.Equal(("public.stepped", 1L, 2L), (difference.GetProperty("sequence").GetString(), difference.GetProperty("source_increment").GetInt64(), difference.GetProperty("target_increment").GetInt64()));

        var table = await CliRunner.RunAsync("check", target.ConnectionStringForPsql(), "--from", source.ConnectionStringForPsql());
        Assert.Contains($"Compared with source database {source.Name}: 1 behind the source; missing on the target: public.only_source_seq; only on the target: public.only_target_seq; defined differently: public.stepped (type bigint → bigint, increment 1 → 2).", table.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_from_the_source_moves_the_target_forward_to_the_source_and_never_writes_the_source()
    {
        var (source, target) = await MigrationAsync(server);
        await using var _ = source;
        await using var __ = target;
        await source.ExecuteAsync($"ALTER DATABASE {source.Name} SET default_transaction_read_only = on");

        var result = await CliRunner.RunAsync("fix", target.ConnectionStringForPsql(), "--from", source.ConnectionStringForPsql());

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(1001, await target.ScalarAsync<int>("INSERT INTO loans DEFAULT VALUES RETURNING id"));
        Assert.Equal(61, await target.ScalarAsync<int>("INSERT INTO orders DEFAULT VALUES RETURNING id"));
        Assert.Equal((1000L, true), await source.SequenceStateAsync("loans_id_seq"));
        Assert.Equal((50L, true), await source.SequenceStateAsync("orders_id_seq"));
    }

    [Fact]
    public async Task The_data_still_counts_when_it_is_further_than_the_source()
    {
        var (source, target) = await MigrationAsync(server);
        await using var _ = source;
        await using var __ = target;
        await target.ExecuteAsync("INSERT INTO loans VALUES (2000)");
        await using var from = NpgsqlDataSource.Create(source.ConnectionString);

        var before = (await SequenceDrift.CheckAsync(target.DataSource, new CheckOptions { CutoverSource = from }, Cancel)).For("public.loans_id_seq");
        var after = (await SequenceDrift.FixAsync(target.DataSource, new FixOptions { CutoverSource = from }, Cancel)).For("public.loans_id_seq");

        Assert.Equal(Finding.Behind, before.Finding);
        Assert.EndsWith("; it is also behind the source database, whose sequence hands out 1001 next", before.Reason.ToString(), StringComparison.Ordinal);
        Assert.Equal(2001, after.NextValue);
    }

    [Fact]
    public async Task The_printed_script_carries_the_source_floor()
    {
        var (source, target) = await MigrationAsync(server);
        await using var _ = source;
        await using var __ = target;

        var sql = await CliRunner.RunAsync("fix", "--sql", target.ConnectionStringForPsql(), "--from", source.ConnectionStringForPsql());
        var psql = await ProcessRunner.RunAsync(PostgresBinaries.Program("psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", target.ConnectionStringForPsql()], standardInput: sql.Stdout, cancellationToken: Cancel);

        Assert.True(psql.ExitCode == 0, psql.Output);
        Assert.Contains("greatest(x.extreme::numeric + 1, 1001)", sql.Stdout, StringComparison.Ordinal);
        Assert.Equal(1001, await target.ScalarAsync<int>("INSERT INTO loans DEFAULT VALUES RETURNING id"));
    }

    [Fact]
    public async Task An_unreachable_source_is_one_line_naming_the_source()
    {
        await using var target = await server.CreateDatabaseAsync();

        var result = await CliRunner.RunAsync("check", target.ConnectionStringForPsql(), "--from", "postgresql://postgres:Src-Secret@127.0.0.1:1/old");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("pgseq: error: source postgres@127.0.0.1:1/old: could not connect to postgres@127.0.0.1:1/old: connection refused", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Src-Secret", result.Output, StringComparison.Ordinal);
        Assert.Contains("--from compares one target", (await CliRunner.RunAsync("check", target.ConnectionStringForPsql(), target.ConnectionStringForPsql(), "--from", target.ConnectionStringForPsql())).Stderr, StringComparison.Ordinal);
    }
}
