using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Repair;

/// <summary>The DO block for migrations and deploy scripts repairs like fix does, deciding everything when it runs.</summary>
public sealed class RepairBlockTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_block_for_all_tables_repairs_the_incident_and_every_kind_of_link()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        await db.ExecuteAsync("""
            CREATE SEQUENCE shared;
            CREATE TABLE cats (id bigint PRIMARY KEY DEFAULT nextval('shared'));
            CREATE TABLE dogs (id bigint PRIMARY KEY DEFAULT nextval('shared'));
            INSERT INTO cats VALUES (10); INSERT INTO dogs VALUES (40);
            CREATE SEQUENCE down INCREMENT -1 MAXVALUE -1 START -1;
            CREATE TABLE negatives (id int DEFAULT nextval('down')); INSERT INTO negatives VALUES (-9);
            CREATE TABLE always (id int GENERATED ALWAYS AS IDENTITY); INSERT INTO always OVERRIDING SYSTEM VALUE VALUES (7);
            CREATE TABLE payment (id serial, m int NOT NULL) PARTITION BY LIST (m);
            CREATE TABLE payment_1 PARTITION OF payment FOR VALUES IN (1); INSERT INTO payment VALUES (70, 1);
            CREATE TABLE "x; drop table y;--" (id serial); INSERT INTO "x; drop table y;--" VALUES (5);
            CREATE TABLE y (keep int);
            CREATE TABLE ahead (id serial); INSERT INTO ahead VALUES (3); SELECT setval('ahead_id_seq', 1000);
            CREATE SEQUENCE invoice_seq; CREATE TABLE invoice (n text DEFAULT 'INV-' || nextval('invoice_seq')); INSERT INTO invoice VALUES ('INV-900');
            """);

        await db.ExecuteAsync(RepairBlock.ForAllTables());

        Assert.All((await SequenceDrift.CheckAsync(db.DataSource, null, Cancel)).Sequences.Where(s => s.Status != SequenceStatus.Skipped),
            s => Assert.Equal(SequenceStatus.Ok, s.Status));
        Assert.Equal(29, await db.ScalarAsync<int>("INSERT INTO loans (website, loan_date, amount_borrowed, amount_due, due_date) VALUES ('x', current_date, 1, 1, current_date) RETURNING id"));
        Assert.Equal(41, await db.ScalarAsync<long>("INSERT INTO cats DEFAULT VALUES RETURNING id"));
        Assert.Equal(-10, await db.ScalarAsync<int>("INSERT INTO negatives DEFAULT VALUES RETURNING id"));
        Assert.Equal(8, await db.ScalarAsync<int>("INSERT INTO always DEFAULT VALUES RETURNING id"));
        Assert.Equal(71, await db.ScalarAsync<int>("INSERT INTO payment (m) VALUES (1) RETURNING id"));
        Assert.Equal(1, await db.ScalarAsync<long>("SELECT count(*) FROM pg_tables WHERE tablename = 'y'"));
        Assert.Equal((1000L, true), await db.SequenceStateAsync("ahead_id_seq"));
        Assert.Equal((1L, false), await db.SequenceStateAsync("invoice_seq"));
    }

    [Fact]
    public async Task The_block_for_some_tables_repairs_only_their_sequences_and_a_second_run_changes_nothing()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE SCHEMA "Sales";
            CREATE TABLE "Sales"."Orders" (id serial); INSERT INTO "Sales"."Orders" VALUES (50);
            CREATE TABLE other (id serial); INSERT INTO other VALUES (50);
            CREATE TABLE "back\slash" (id serial); INSERT INTO "back\slash" VALUES (50);
            """);
        var block = RepairBlock.ForTables(["\"Sales\".\"Orders\"", "\"back\\slash\""]);

        await db.ExecuteAsync(block);
        await db.ExecuteAsync(block);

        Assert.Equal((50L, true), await db.SequenceStateAsync("\"Sales\".\"Orders_id_seq\""));
        Assert.Equal((50L, true), await db.SequenceStateAsync("\"back\\slash_id_seq\""));
        Assert.Equal((1L, false), await db.SequenceStateAsync("other_id_seq"));
    }

    [Fact]
    public async Task The_block_commits_with_the_migration_that_runs_it()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t (id serial); INSERT INTO t VALUES (9);");

        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => db.ExecuteAsync($"BEGIN; {RepairBlock.ForAllTables()} SELECT 1/0; COMMIT;"));

        Assert.Equal((1L, false), await db.SequenceStateAsync("t_id_seq"));
    }
}
