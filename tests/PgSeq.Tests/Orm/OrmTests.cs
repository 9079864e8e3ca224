using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Orm;

/// <summary>
/// Real ORMs, each making its schema and allocating ids as it does in an application: after an import with explicit
/// ids the ORM's next insert fails, and a plain pgseq fix (or the printed repair block, in a migration) makes it work.
/// </summary>
public sealed class OrmTests(PostgresServer server)
{
    [Fact]
    public async Task Sqlalchemys_own_sequences_with_no_default_are_found_by_check_and_repaired_by_a_plain_fix()
    {
        await using var db = await server.CreateDatabaseAsync();
        var url = db.ConnectionStringForPsql();
        var orm = OrmDriver.SqlAlchemy;
        await orm.SucceedAsync(url, "schema");
        await orm.SucceedAsync(url, "import");

        var failed = await orm.RunAsync(url, "insert");
        var check = await CliRunner.RunAsync("check", url);
        var fix = await CliRunner.RunAsync("fix", url);
        var recheck = await CliRunner.RunAsync("check", url);

        Assert.True(failed.ExitCode == OrmDriver.DuplicateKey, failed.Output);
        Assert.Contains("cause: psycopg2.errors.UniqueViolation", failed.Stderr, StringComparison.Ordinal);
        Assert.True(check.ExitCode == 2, check.ToString());
        Assert.Contains("2 sequences checked: 2 drift.", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("Run `pgseq fix` to repair.", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("(linked by its name, <table>_<column>_seq, to public.loans.id)", check.Stdout, StringComparison.Ordinal);
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Contains("2 sequences: 2 repaired.", fix.Stdout, StringComparison.Ordinal);
        Assert.True(recheck.ExitCode == 0, recheck.ToString());
        Assert.Equal("29", await orm.SucceedAsync(url, "insert", "loans"));
        Assert.Equal("65", await orm.SucceedAsync(url, "insert", "installments"));
    }

    [Fact]
    public async Task An_alembic_data_migration_that_ends_with_the_printed_repair_block_leaves_the_orm_inserting()
    {
        await using var db = await server.CreateDatabaseAsync();
        var url = db.ConnectionStringForPsql();
        var block = await CliRunner.RunAsync("repair-block", "-t", "public.loans", "-t", "public.installments");
        Assert.True(block.ExitCode == 0, block.ToString());
        var file = Path.Combine(Directory.CreateTempSubdirectory("pgseq-alembic-").FullName, "repair.sql");
        await File.WriteAllTextAsync(file, block.Stdout, TestContext.Current.CancellationToken);
        var orm = OrmDriver.Alembic;

        await orm.SucceedAsync(url, "schema");
        await orm.SucceedAsync(url, "import", file);

        Assert.Equal("29", await orm.SucceedAsync(url, "insert", "loans"));
        Assert.Equal("65", await orm.SucceedAsync(url, "insert", "installments"));
        Assert.Equal(0, (await CliRunner.RunAsync("check", url)).ExitCode);
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    [Fact]
    public async Task The_printed_block_passes_sqlalchemy_text_unchanged()
    {
        var block = await CliRunner.RunAsync("repair-block", "--link", "app_ids=public.app.id");

        // sqlalchemy.text(), which Alembic's op.execute(str) uses, takes ":name" after anything but a word character
        // or a colon for a bind parameter.
        Assert.DoesNotMatch(@"(?<![\w:\\]):\w", block.Stdout);
        Assert.StartsWith("-- pgseq repair block", block.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(DefaultDrivenOrms))]
    public async Task Orms_whose_keys_come_from_a_column_default_insert_again_after_a_plain_fix(string name)
    {
        var orm = name == "django" ? OrmDriver.Django : OrmDriver.ActiveRecord;
        await using var db = await server.CreateDatabaseAsync();
        var url = db.ConnectionStringForPsql();
        await orm.SucceedAsync(url, "schema");
        await orm.SucceedAsync(url, "import");

        var failed = await orm.RunAsync(url, "insert");
        var fix = await CliRunner.RunAsync("fix", url);

        Assert.True(failed.ExitCode == OrmDriver.DuplicateKey, failed.Output);
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Equal("29", await orm.SucceedAsync(url, "insert"));
        Assert.Equal(0, (await CliRunner.RunAsync("check", url)).ExitCode);
    }

    public static TheoryData<string> DefaultDrivenOrms => ["django", "activerecord"];

    [Theory]
    [InlineData("pooled")]
    [InlineData("pooled-lo")]
    public async Task Hibernates_blocks_lie_above_the_data_after_a_plain_check_and_fix(string optimizer)
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(await File.ReadAllTextAsync(Repository.File("tests", "orm", "hibernate_schema.sql"), TestContext.Current.CancellationToken));
        await db.ExecuteAsync("INSERT INTO loans (id, website, is_paid) SELECT n, 'lender-' || n, false FROM generate_series(1, 28) AS n");
        var url = db.ConnectionStringForPsql();

        // A repair to MAX + 1 is not enough: pooled takes v-49 ... v, so from 29 it hands out -20 ... 29.
        await db.ExecuteAsync("SELECT setval('loans_seq', 29, false)");
        var check = await CliRunner.RunAsync("check", url);
        var fix = await CliRunner.RunAsync("fix", url);
        var recheck = await CliRunner.RunAsync("check", url);

        Assert.True(check.ExitCode == 2, check.ToString());
        Assert.Contains("must reach 78", check.Stdout, StringComparison.Ordinal);
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.True(recheck.ExitCode == 0, recheck.ToString());
        var value = await db.ScalarAsync<long>("SELECT nextval('loans_seq')");
        var (low, high) = optimizer == "pooled" ? (value - 49, value) : (value, value + 49);
        Assert.True(low > 28, $"{optimizer} would hand out {low} ... {high}, at or below MAX 28");
        await db.ExecuteAsync($"INSERT INTO loans (id, website, is_paid) SELECT n, 'new', false FROM generate_series({low}, {high}) AS n");
    }

    [Fact]
    public async Task An_ef_core_hilo_database_is_repaired_by_a_plain_fix_and_its_next_block_inserts()
    {
        // What EF Core's UseHiLo() makes on Npgsql: one shared sequence, increment 10, keys without a default.
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE SEQUENCE "EntityFrameworkHiLoSequence" START WITH 1 INCREMENT BY 10 NO CYCLE;
            CREATE TABLE loans (id integer PRIMARY KEY, website text NOT NULL);
            CREATE TABLE installments (id integer PRIMARY KEY, loan_id integer NOT NULL REFERENCES loans);
            INSERT INTO loans SELECT n, 'imported' FROM generate_series(1, 28) AS n;
            INSERT INTO installments SELECT n, 1 + n % 28 FROM generate_series(1, 64) AS n;
            """);
        var url = db.ConnectionStringForPsql();

        var fix = await CliRunner.RunAsync("fix", url);
        var check = await CliRunner.RunAsync("check", url);

        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.True(check.ExitCode == 0, check.ToString());
        var low = await db.ScalarAsync<long>("SELECT nextval('\"EntityFrameworkHiLoSequence\"')");
        Assert.Equal(74, low);
        await db.ExecuteAsync($"INSERT INTO loans SELECT n, 'new' FROM generate_series({low}, {low + 9}) AS n; INSERT INTO installments VALUES ({low}, {low})");
    }
}
