using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Catalog;

/// <summary>Sequences an application uses through nextval() alone: found by name, or linked by hand.</summary>
public sealed class UnlinkedSequenceTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // What SQLAlchemy's Sequence('loans_id_seq') leaves in the database: a sequence and a column without a default.
    private const string SqlAlchemyStyle = """
        CREATE SEQUENCE loans_id_seq;
        CREATE TABLE loans (id integer PRIMARY KEY, website text);
        INSERT INTO loans (id, website) SELECT n, 'x' FROM generate_series(1, 28) AS n;
        """;

    [Fact]
    public async Task A_sequence_named_after_a_column_nothing_feeds_is_linked_by_inference_and_judged()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(SqlAlchemyStyle);

        var loans = (await SequenceDrift.CheckAsync(db.DataSource, null, Cancel)).For("public.loans_id_seq");
        var cli = await CliRunner.RunAsync("check", db.ConnectionStringForPsql());

        Assert.Equal(SequenceStatus.Drift, loans.Status);
        var column = Assert.Single(loans.Columns);
        Assert.Equal((LinkKind.Inferred, "public.loans", "id"), (column.Kind, column.Table, column.Column));
        Assert.Equal("link inferred from the name: repaired only with FixOptions.InferLinks", loans.Action!.ToString());
        Assert.Contains("link inferred from the name: fix moves it with --infer-links", cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_moves_an_inferred_link_only_with_infer_links()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(SqlAlchemyStyle);
        var url = db.ConnectionStringForPsql();

        var without = await CliRunner.RunAsync("fix", url);
        Assert.True(without.ExitCode == 1, without.ToString());
        Assert.Equal((1L, false), await db.SequenceStateAsync("loans_id_seq"));

        var with = await CliRunner.RunAsync("fix", "--infer-links", url);
        Assert.True(with.ExitCode == 0, with.ToString());
        Assert.Equal(29, await db.ScalarAsync<long>("SELECT nextval('loans_id_seq')"));
    }

    [Fact]
    public async Task No_inference_onto_a_column_that_another_sequence_already_feeds()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE SEQUENCE objectscrips_id_seq;
            CREATE SEQUENCE objectcustomroles_id_seq;
            CREATE TABLE objectcustomroles (id integer DEFAULT nextval('objectscrips_id_seq'));
            """);

        var report = await SequenceDrift.CheckAsync(db.DataSource, null, Cancel);

        Assert.Equal(SequenceStatus.Unlinked, report.For("public.objectcustomroles_id_seq").Status);
        Assert.Equal(LinkKind.Default, Assert.Single(report.For("public.objectscrips_id_seq").Columns).Kind);
    }

    [Fact]
    public async Task An_explicit_link_ties_any_sequence_to_a_column_and_fix_repairs_it()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE SCHEMA "Sales";
            CREATE SEQUENCE app_ids;
            CREATE TABLE "Sales"."Orders" ("Id" bigint PRIMARY KEY);
            INSERT INTO "Sales"."Orders" VALUES (500);
            """);
        var url = db.ConnectionStringForPsql();

        var check = await CliRunner.RunAsync("check", "--link", "app_ids=\"Sales\".\"Orders\".\"Id\"", "--json", url);
        var fix = await CliRunner.RunAsync("fix", "--link", "public.app_ids=\"Sales\".\"Orders\".\"Id\"", url);

        Assert.Equal(2, check.ExitCode);
        Assert.Contains("\"kind\": \"explicit\"", check.Stdout, StringComparison.Ordinal);
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Equal(501, await db.ScalarAsync<long>("SELECT nextval('app_ids')"));
    }

    [Theory]
    [InlineData("no_such_seq=public.t.id", "--link no_such_seq=public.t.id: there is no sequence no_such_seq")]
    [InlineData("s=public.t.nope", "--link s=public.t.nope: there is no table column public.t.nope; write SCHEMA.TABLE.COLUMN")]
    [InlineData("s=public.\"t.id", "write SEQUENCE=SCHEMA.TABLE.COLUMN")]
    [InlineData("just-a-name", "--link expects SEQUENCE=SCHEMA.TABLE.COLUMN, got 'just-a-name'")]
    public async Task A_bad_link_is_one_line_with_exit_1(string link, string expected)
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE SEQUENCE s; CREATE TABLE t (id int);");

        var result = await CliRunner.RunAsync("check", "--link", link, db.ConnectionStringForPsql());

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unlinked_sequences_follow_schema_filters_and_stay_out_of_table_filters()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE SCHEMA a; CREATE SCHEMA b; CREATE SEQUENCE a.lonely; CREATE SEQUENCE b.lonely; CREATE TABLE a.t (id serial);");

        var bySchema = await SequenceDrift.CheckAsync(db.DataSource, new CheckOptions { Schemas = ["a"] }, Cancel);
        var byTable = await SequenceDrift.CheckAsync(db.DataSource, new CheckOptions { Tables = ["a.t"] }, Cancel);

        Assert.Equal(["a.lonely", "a.t_id_seq"], bySchema.Sequences.Select(s => s.Sequence.Name));
        Assert.Equal(["a.t_id_seq"], byTable.Sequences.Select(s => s.Sequence.Name));
    }
}
