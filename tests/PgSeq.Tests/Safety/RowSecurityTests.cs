using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Safety;

/// <summary>
/// MAX is only the real MAX when the role sees every row. Row level security that applies to the role makes pgseq
/// refuse the sequence (error, untouched) instead of judging or repairing it from the rows the policies let through.
/// </summary>
public sealed class RowSecurityTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // 90 rows, 10 of them visible through the tenant policy; the sequence still at 1.
    private const string Tenants = """
        CREATE TABLE t (id serial PRIMARY KEY, tenant int NOT NULL);
        INSERT INTO t (id, tenant) SELECT n, CASE WHEN n <= 10 THEN 1 ELSE 2 END FROM generate_series(1, 90) AS n;
        ALTER TABLE t ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tenant_one ON t USING (tenant = 1);
        """;

    private static string Url(TestDatabase db, TestRole role) => db.Server.ConnectionString(db.Name, role.Name);

    [Fact]
    public async Task An_owner_under_force_row_level_security_gets_an_error_naming_the_table_and_the_sequence_is_left_alone()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Tenants);
        await using var owner = await TestRole.CreateAsync(db, "ALTER TABLE t OWNER TO {role}; ALTER TABLE t FORCE ROW LEVEL SECURITY;");

        var check = await CliRunner.RunAsync("check", Url(db, owner));
        var fix = await CliRunner.RunAsync("fix", Url(db, owner));

        Assert.True(check.ExitCode == 1, check.ToString());
        Assert.Contains($"error public.t_id_seq: public.t forces row level security even on its owner, so it hides rows from role {owner.Name} and MAX would come from part of the data; run as a role with BYPASSRLS or a superuser", check.Stdout, StringComparison.Ordinal);
        Assert.True(fix.ExitCode == 1, fix.ToString());
        Assert.DoesNotContain("repaired", fix.Stdout, StringComparison.Ordinal);
        Assert.Equal((1L, false), await db.SequenceStateAsync("t_id_seq"));
    }

    [Fact]
    public async Task A_monitoring_role_under_a_policy_is_told_so_instead_of_ok()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Tenants + "SELECT setval('t_id_seq', 11, false);");
        await using var monitor = await TestRole.CreateAsync(db, "GRANT SELECT ON t TO {role}; GRANT SELECT ON t_id_seq TO {role};");

        var report = await SequenceDrift.CheckAsync(monitor.DataSource, null, Cancel);

        var t = report.For("public.t_id_seq");
        Assert.Equal((SequenceStatus.Error, Finding.RowSecurity), (t.Status, t.Finding));
        Assert.Equal($"row level security on public.t hides rows from role {monitor.Name}, so MAX would come from part of the data; run as a role with BYPASSRLS, a superuser, or the table's owner", t.Reason.ToString());
        Assert.False(report.Complete);
    }

    [Fact]
    public async Task A_role_with_bypassrls_checks_and_repairs_from_every_row()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Tenants + "ALTER TABLE t FORCE ROW LEVEL SECURITY;");
        await using var owner = await TestRole.CreateAsync(db, "ALTER TABLE t OWNER TO {role}; ALTER ROLE {role} BYPASSRLS;");

        var check = await SequenceDrift.CheckAsync(owner.DataSource, null, Cancel);
        var fix = await CliRunner.RunAsync("fix", Url(db, owner));

        Assert.Equal((SequenceStatus.Drift, 90L), (check.For("public.t_id_seq").Status, check.For("public.t_id_seq").ColumnExtreme!.Value));
        Assert.True(fix.ExitCode == 0, fix.ToString());
        Assert.Equal(91, await db.ScalarAsync<long>("SELECT nextval('t_id_seq')"));
    }

    [Fact]
    public async Task Inside_the_callers_transaction_the_hidden_table_is_an_error_and_the_transaction_goes_on()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Tenants);
        await using var owner = await TestRole.CreateAsync(db, "ALTER TABLE t OWNER TO {role}; ALTER TABLE t FORCE ROW LEVEL SECURITY;");
        await using var connection = await owner.DataSource.OpenConnectionAsync(Cancel);
        await using var transaction = await connection.BeginTransactionAsync(Cancel);

        var report = await SequenceDrift.FixAsync(transaction, null, Cancel);
        await using var after = new NpgsqlCommand("SELECT count(*) FROM t", connection, transaction);
        var visible = (long)(await after.ExecuteScalarAsync(Cancel))!;
        await transaction.CommitAsync(Cancel);

        Assert.Equal((SequenceStatus.Error, Finding.RowSecurity), (report.For("public.t_id_seq").Status, report.For("public.t_id_seq").Finding));
        Assert.Equal(10, visible);
        Assert.Equal((1L, false), await db.SequenceStateAsync("t_id_seq"));
    }

    [Fact]
    public async Task The_printed_script_and_the_repair_block_refuse_a_hidden_table_instead_of_repairing_from_part_of_it()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(Tenants + "ALTER TABLE t FORCE ROW LEVEL SECURITY;");
        await using var owner = await TestRole.CreateAsync(db, "ALTER TABLE t OWNER TO {role};");
        var script = (await CliRunner.RunAsync("fix", "--sql", db.ConnectionStringForPsql())).Stdout;
        var psqlUrl = $"postgresql://{owner.Name}@{db.Server.Host}:{db.Server.Port}/{db.Name}";

        var psql = await ProcessRunner.RunAsync(PostgresBinaries.Program("psql"), ["-X", "-q", "-v", "ON_ERROR_STOP=1", psqlUrl], standardInput: script, cancellationToken: Cancel);
        var block = await Assert.ThrowsAsync<PostgresException>(async () =>
        {
            await using var command = owner.DataSource.CreateCommand(RepairBlock.ForAllTables());
            await command.ExecuteNonQueryAsync(Cancel);
        });

        Assert.NotEqual(0, psql.ExitCode);
        Assert.Contains("row-level security", psql.Stderr, StringComparison.Ordinal);
        Assert.StartsWith($"pgseq: row level security on t hides rows from role {owner.Name}", block.MessageText, StringComparison.Ordinal);
        Assert.Equal((1L, false), await db.SequenceStateAsync("t_id_seq"));
    }
}
