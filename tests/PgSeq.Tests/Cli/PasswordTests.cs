using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Cli;

/// <summary>Passwords come from the connection, PGPASSWORD or a password file, and never appear in any output.</summary>
public sealed class PasswordTests(PostgresServer server) : IAsyncLifetime
{
    private const string Password = "s3cret-Pa55word";
    private TestDatabase? _db;

    public async ValueTask InitializeAsync()
    {
        Assert.SkipUnless(server.OwnsCluster, "needs the test cluster's pg_hba.conf, which asks this role for a password");
        _db = await server.CreateDatabaseAsync();
        await server.AdminExecuteAsync($"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '{PostgresServer.PasswordRole}') THEN
                CREATE ROLE {PostgresServer.PasswordRole} LOGIN PASSWORD '{Password}';
              END IF;
            END $$
            """);
        await _db.ExecuteAsync($"CREATE TABLE t (id serial); INSERT INTO t VALUES (5); GRANT SELECT ON ALL TABLES IN SCHEMA public TO {PostgresServer.PasswordRole}; GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {PostgresServer.PasswordRole};");
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }
    }

    private string Url(string? password = null) =>
        $"postgresql://{PostgresServer.PasswordRole}{(password is null ? string.Empty : ":" + password)}@{server.Host}:{server.Port}/{_db!.Name}";

    [Fact]
    public async Task A_wrong_password_is_one_line_with_exit_1_and_no_password_anywhere()
    {
        var result = await CliRunner.RunAsync("check", Url("wrong-Pa55word"));

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"pgseq: error: password authentication failed for user {PostgresServer.PasswordRole} on {PostgresServer.PasswordRole}@{server.Host}:{server.Port}/", result.Stderr, StringComparison.Ordinal);
        Assert.Single(result.Stderr.TrimEnd().Split('\n'));
        Assert.DoesNotContain("wrong-Pa55word", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_password_where_the_server_asks_for_one_is_one_line_naming_the_ways_to_give_it()
    {
        var result = await CliRunner.RunAsync("check", Url());

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            $"pgseq: error: {PostgresServer.PasswordRole}@{server.Host}:{server.Port}/{_db!.Name} asks for a password for user {PostgresServer.PasswordRole} "
            + "and none was given; set PGPASSWORD, add it to ~/.pgpass (or the file PGPASSFILE names), or put it in the connection string",
            Assert.Single(result.Stderr.TrimEnd().Split('\n')));
    }

    [Fact]
    public async Task The_password_may_come_from_the_uri_pgpassword_or_a_password_file()
    {
        Assert.Equal(2, (await CliRunner.RunAsync("check", Url(Password))).ExitCode);
        Assert.Equal(2, (await CliRunner.RunAsync(["check", Url()], new Dictionary<string, string> { ["PGPASSWORD"] = Password })).ExitCode);

        var passfile = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(passfile, $"{server.Host}:{server.Port}:*:{PostgresServer.PasswordRole}:{Password}\n", TestContext.Current.CancellationToken);
            File.SetUnixFileMode(passfile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            var result = await CliRunner.RunAsync(["check", "--json", Url()], new Dictionary<string, string> { ["PGPASSFILE"] = passfile });
            Assert.True(result.ExitCode == 2, result.ToString());
            Assert.DoesNotContain(Password, result.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(passfile);
        }
    }

    [Fact]
    public async Task Verbose_adds_the_stack_trace_but_still_not_the_password()
    {
        var result = await CliRunner.RunAsync("check", "--verbose", Url("wrong-Pa55word"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("   at ", result.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("wrong-Pa55word", result.Output, StringComparison.Ordinal);
    }
}
