using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Catalog;

/// <summary>
/// Keys that are integral without being integers: numeric(p,0), as migrations from Oracle (NUMBER) and SQL Server
/// (numeric(18,0) IDENTITY) leave them, are measured and repaired like integers; numbers with a fraction are not
/// measured, but never pass in silence when the sequence is behind them.
/// </summary>
public sealed class NumericKeyTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Numeric_keys_with_scale_zero_and_domains_over_them_are_measured_repaired_and_judged_against_the_sequences_own_range()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE SEQUENCE loans_seq;
            CREATE TABLE loans (id numeric(12,0) PRIMARY KEY DEFAULT nextval('loans_seq'));
            CREATE SEQUENCE orders_seq; CREATE DOMAIN order_number AS numeric(18,0);
            CREATE TABLE orders (id order_number PRIMARY KEY DEFAULT nextval('orders_seq'));
            INSERT INTO loans SELECT generate_series(1, 28); INSERT INTO orders VALUES (500);
            """);

        var check = await SequenceDrift.CheckAsync(db.DataSource, null, Cancel);
        var fix = await CliRunner.RunAsync("fix", db.ConnectionStringForPsql());

        var loans = check.For("public.loans_seq");
        Assert.Equal((SequenceStatus.Drift, 28L, true), (loans.Status, loans.ColumnExtreme!.Value, loans.NextInsertCollides));
        Assert.Equal("public.loans_seq MAXVALUE", loans.Capacity!.LimitedBy);
        Assert.True(Assert.Single(check.For("public.orders_seq").Columns).Measured);
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Equal(29m, await db.ScalarAsync<decimal>("INSERT INTO loans DEFAULT VALUES RETURNING id"));
        Assert.Equal(501m, await db.ScalarAsync<decimal>("INSERT INTO orders DEFAULT VALUES RETURNING id"));
    }

    [Fact]
    public async Task A_key_with_a_fraction_is_skipped_but_a_sequence_behind_its_numbers_is_a_warning_the_summary_names()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE SEQUENCE amounts_seq; CREATE TABLE amounts (id numeric(12,2) PRIMARY KEY DEFAULT nextval('amounts_seq'));
            INSERT INTO amounts SELECT generate_series(1, 28);
            CREATE SEQUENCE ahead_seq START 100; CREATE TABLE ahead (id double precision DEFAULT nextval('ahead_seq'));
            INSERT INTO ahead VALUES (28.5);
            """);
        var url = db.ConnectionStringForPsql();

        var report = await SequenceDrift.CheckAsync(db.DataSource, null, Cancel);
        var check = await CliRunner.RunAsync("check", url);
        var strict = await CliRunner.RunAsync("check", "--fail-on-warning", url);
        var fix = await CliRunner.RunAsync("fix", url);

        var amounts = report.For("public.amounts_seq");
        Assert.Equal((SequenceStatus.Skipped, Finding.WouldCollide, Attention.Warning), (amounts.Status, amounts.Finding, amounts.Attention));
        Assert.StartsWith("public.amounts.id: column type numeric(12,2) is not an integer type", amounts.Reason.ToString(), StringComparison.Ordinal);
        Assert.Contains("the next value 1 is not past the MAX of public.amounts.id numeric(12,2)", amounts.Reason.ToString(), StringComparison.Ordinal);
        Assert.Equal((SequenceStatus.Skipped, Finding.NotMeasurable), (report.For("public.ahead_seq").Status, report.For("public.ahead_seq").Finding));
        Assert.Equal(1, report.Summary.SkippedCollisions);
        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("2 sequences checked: 2 skipped. Among the skipped, 1 sequence would collide if their column were an integer one: see the reasons.", check.Stdout, StringComparison.Ordinal);
        Assert.Equal(2, strict.ExitCode);
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Equal((1L, false), await db.SequenceStateAsync("amounts_seq"));
    }
}
