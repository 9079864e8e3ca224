using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Cli;

/// <summary>--links FILE: the links an application keeps next to its code, one per line.</summary>
public sealed class LinksFileTests(PostgresServer server) : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pgseq-links-").FullName;

    // Hibernate 5's single hibernate_sequence feeds every table; the catalog shows none of it.
    private const string Hibernate5 = """
        CREATE SEQUENCE hibernate_sequence;
        CREATE SCHEMA "Sales";
        CREATE TABLE loans (id bigint PRIMARY KEY);
        CREATE TABLE "Sales"."Orders" ("Id" bigint PRIMARY KEY);
        INSERT INTO loans VALUES (28); INSERT INTO "Sales"."Orders" VALUES (64);
        """;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task A_links_file_with_comments_and_quoted_names_links_one_sequence_to_many_tables_and_fix_clears_them_all()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Hibernate5);
        var links = Write("pgseq-links.txt", """
            # Hibernate 5: one sequence for every entity
            hibernate_sequence = public.loans.id

            public.hibernate_sequence="Sales"."Orders"."Id"   # the orders of the sales module
            """);
        var url = db.ConnectionStringForPsql();

        var check = await CliRunner.RunAsync("check", "--links", links, "--json", url);
        var fix = await CliRunner.RunAsync("fix", "--links", links, url);

        Assert.True(check.ExitCode == 2, check.ToString());
        Assert.Contains("\"table\": \"\\\"Sales\\\".\\\"Orders\\\"\"", check.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"explicit\"", check.Stdout, StringComparison.Ordinal);
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Equal(65, await db.ScalarAsync<long>("SELECT nextval('hibernate_sequence')"));
    }

    [Theory]
    [InlineData("hibernate_sequence=public.loans.id\nnot a link\n", "line 2: expected SEQUENCE=SCHEMA.TABLE.COLUMN, got 'not a link'")]
    [InlineData("# ok\nno_such_seq=public.loans.id\n", ":2: no_such_seq=public.loans.id: there is no sequence no_such_seq")]
    [InlineData("hibernate_sequence=public.loans.nope\n", ":1: hibernate_sequence=public.loans.nope: there is no table column public.loans.nope")]
    public async Task A_bad_line_is_one_error_naming_the_file_and_line_with_exit_1(string text, string expected)
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Hibernate5);
        var links = Write("links.txt", text);

        var result = await CliRunner.RunAsync("check", "--links", links, db.ConnectionStringForPsql());

        Assert.Equal(1, result.ExitCode);
        var line = Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.StartsWith("pgseq: error: ", line, StringComparison.Ordinal);
        Assert.Contains(links, line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_links_file_is_one_line_with_exit_1()
    {
        var result = await CliRunner.RunAsync("check", "--links", Path.Combine(_directory, "absent.txt"), "postgresql://nobody@127.0.0.1:1/none");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cannot read the links file", Assert.Single(result.Stderr.TrimEnd().Split('\n')), StringComparison.Ordinal);
    }
}
