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
        Assert.Equal("<table>_<column>_seq", column.InferredFrom);
        Assert.Equal("repair: next value 1 → 29", loans.Action!.ToString());
        Assert.EndsWith("(linked by its name, <table>_<column>_seq, to public.loans.id)", loans.Reason.ToString(), StringComparison.Ordinal);
        Assert.Contains("| id (by name) |", cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("fix: next value 1 → 29", cli.Stdout, StringComparison.Ordinal);
        Assert.Contains("Run `pgseq fix` to repair.", cli.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fix_repairs_an_inferred_link_by_default_and_no_infer_links_leaves_it_unlinked()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(SqlAlchemyStyle);
        var url = db.ConnectionStringForPsql();

        var optedOut = await CliRunner.RunAsync("fix", "--no-infer-links", "--json", url);
        Assert.True(optedOut.ExitCode == 0, optedOut.ToString());
        Assert.Contains("\"status\": \"unlinked\"", optedOut.Stdout, StringComparison.Ordinal);
        Assert.Equal((1L, false), await db.SequenceStateAsync("loans_id_seq"));

        var plain = await CliRunner.RunAsync("fix", url);
        Assert.True(plain.ExitCode == 0, plain.ToString());
        Assert.Contains("next value 1 → 29", plain.Stdout, StringComparison.Ordinal);
        var again = await CliRunner.RunAsync("fix", "--infer-links", url);
        Assert.True(again.ExitCode == 0, again.ToString());
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

    [Fact]
    public async Task A_sequence_named_after_a_table_whose_key_has_no_default_is_linked_as_hibernate_names_it_and_cleared_by_a_whole_increment()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE SEQUENCE loans_seq INCREMENT BY 50;
            CREATE TABLE loans (id bigint PRIMARY KEY, website text);
            INSERT INTO loans (id) SELECT generate_series(1, 28);
            SELECT setval('loans_seq', 29, false);
            CREATE SEQUENCE keyed_seq; CREATE TABLE keyed (id bigint PRIMARY KEY DEFAULT 0);
            CREATE SEQUENCE composite_seq; CREATE TABLE composite (a int, b int, PRIMARY KEY (a, b));
            CREATE SEQUENCE claimed_seq; CREATE TABLE claimed (id serial PRIMARY KEY);
            """);
        var url = db.ConnectionStringForPsql();

        var report = await SequenceDrift.CheckAsync(db.DataSource, null, Cancel);
        var fix = await CliRunner.RunAsync("fix", url);
        var recheck = await CliRunner.RunAsync("check", url);

        var loans = report.For("public.loans_seq");
        var column = Assert.Single(loans.Columns);
        Assert.Equal((LinkKind.Inferred, "<table>_seq", "public.loans"), (column.Kind, column.InferredFrom, column.Table));
        Assert.Equal((SequenceStatus.Drift, 29L, 49L), (loans.Status, loans.NextValue!.Value, loans.BehindBy!.Value));
        Assert.Contains("must reach 78", loans.Reason.ToString(), StringComparison.Ordinal);
        Assert.All(["public.keyed_seq", "public.composite_seq", "public.claimed_seq"], name => Assert.Equal(SequenceStatus.Unlinked, report.For(name).Status));
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Equal((28L, true), await db.SequenceStateAsync("loans_seq"));
        Assert.True(recheck.ExitCode == 0, recheck.ToString());
    }

    [Fact]
    public async Task A_name_that_fits_two_columns_is_ambiguous_and_linked_to_none()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE SEQUENCE a_b_c_seq;
            CREATE TABLE a_b (c int); CREATE TABLE a (b_c int);
            INSERT INTO a_b VALUES (9); INSERT INTO a VALUES (9);
            """);

        var report = await SequenceDrift.CheckAsync(db.DataSource, null, Cancel);
        var cli = await CliRunner.RunAsync("check", db.ConnectionStringForPsql());
        var fix = await CliRunner.RunAsync("fix", db.ConnectionStringForPsql());

        var sequence = report.For("public.a_b_c_seq");
        Assert.Equal((SequenceStatus.Unlinked, Finding.AmbiguousName), (sequence.Status, sequence.Finding));
        Assert.Empty(sequence.Columns);
        Assert.Contains("(public.a.b_c, public.a_b.c)", sequence.Reason.ToString(), StringComparison.Ordinal);
        Assert.Contains("say which with --link public.a_b_c_seq=SCHEMA.TABLE.COLUMN", cli.Stdout, StringComparison.Ordinal);
        Assert.Equal(0, fix.ExitCode);
        Assert.Equal((1L, false), await db.SequenceStateAsync("a_b_c_seq"));
    }

    [Fact]
    public async Task Ef_cores_hilo_sequence_feeds_every_key_that_nothing_else_claims()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE SEQUENCE "EntityFrameworkHiLoSequence" INCREMENT BY 10;
            CREATE TABLE loans (id integer PRIMARY KEY); CREATE TABLE installments (id bigint PRIMARY KEY);
            CREATE TABLE named (id integer PRIMARY KEY); CREATE SEQUENCE named_id_seq;
            CREATE TABLE identity_keyed (id integer GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY);
            INSERT INTO loans VALUES (28); INSERT INTO installments VALUES (64); INSERT INTO named VALUES (500);
            """);

        var report = await SequenceDrift.CheckAsync(db.DataSource, null, Cancel);
        var fix = await SequenceDrift.FixAsync(db.DataSource, null, Cancel);

        var hilo = report.For("public.\"EntityFrameworkHiLoSequence\"");
        Assert.Equal(["public.installments", "public.loans"], hilo.Columns.Select(c => c.Table));
        Assert.All(hilo.Columns, c => Assert.Equal((LinkKind.Inferred, "EntityFrameworkHiLoSequence"), (c.Kind, c.InferredFrom)));
        Assert.Equal((SequenceStatus.Drift, 64L), (hilo.Status, hilo.ColumnExtreme!.Value));
        Assert.Equal(74, fix.For("public.\"EntityFrameworkHiLoSequence\"").NextValue);

        // HiLo takes its block from the value upwards: after the application used 74 ... 76, the sequence is fine.
        await db.ExecuteAsync("SELECT nextval('\"EntityFrameworkHiLoSequence\"'); INSERT INTO loans VALUES (74), (75), (76);");
        Assert.Equal(SequenceStatus.Ok, (await SequenceDrift.CheckAsync(db.DataSource, null, Cancel)).For("public.\"EntityFrameworkHiLoSequence\"").Status);
    }

    [Fact]
    public async Task No_infer_links_reports_name_matched_sequences_as_unlinked()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(SqlAlchemyStyle);

        var check = await CliRunner.RunAsync("check", "--no-infer-links", db.ConnectionStringForPsql());
        var both = await CliRunner.RunAsync("check", "--no-infer-links", "--infer-links", db.ConnectionStringForPsql());

        Assert.True(check.ExitCode == 0, check.ToString());
        Assert.Contains("1 sequence checked: 1 unlinked.", check.Stdout, StringComparison.Ordinal);
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("--infer-links and --no-infer-links contradict each other", both.Stderr, StringComparison.Ordinal);
    }
}
