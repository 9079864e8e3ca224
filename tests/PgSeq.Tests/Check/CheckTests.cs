using PgSeq.Tests.Infrastructure;

namespace PgSeq.Tests.Check;

/// <summary>Sequence state is read from the sequence itself and judged correctly on a real server.</summary>
public sealed class CheckTests(PostgresServer server)
{
    private async Task<DriftReport> CheckAsync(string schema, CheckOptions? options = null)
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync(schema);
        return await SequenceDrift.CheckAsync(db.DataSource, options, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_never_used_sequence_is_read_from_the_relation_not_from_pg_sequences()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE SEQUENCE s START 100; CREATE TABLE t (id int DEFAULT nextval('s')); INSERT INTO t VALUES (100);");
        Assert.Null(await db.ScalarAsync<object>("SELECT last_value FROM pg_sequences WHERE sequencename = 's'") as long?);

        var sequence = (await SequenceDrift.CheckAsync(db.DataSource, null, TestContext.Current.CancellationToken)).For("public.s");

        Assert.Equal((100L, false, 100L), (sequence.LastValue!.Value, sequence.IsCalled!.Value, sequence.NextValue!.Value));
        Assert.Equal(SequenceStatus.Drift, sequence.Status);
        Assert.True(sequence.NextInsertCollides);
    }

    [Fact]
    public async Task A_healthy_database_is_ok_everywhere()
    {
        var report = await CheckAsync("""
            CREATE TABLE a (id serial PRIMARY KEY, v text);
            CREATE TABLE b (id bigint GENERATED ALWAYS AS IDENTITY);
            CREATE TABLE empty (id serial);
            INSERT INTO a (v) SELECT 'x' FROM generate_series(1, 10);
            INSERT INTO b DEFAULT VALUES;
            """);

        Assert.All(report.Sequences, s => Assert.Equal(SequenceStatus.Ok, s.Status));
        Assert.Equal(Finding.Empty, report.For("public.empty_id_seq").Finding);
        Assert.Equal((11L, 10L), (report.For("public.a_id_seq").NextValue!.Value, report.For("public.a_id_seq").ColumnExtreme!.Value));
        Assert.Equal(new DriftSummary { Sequences = 3, Ok = 3 }, report.Summary);
    }

    [Fact]
    public async Task Next_insert_collides_only_when_the_next_value_itself_is_taken()
    {
        var report = await CheckAsync("""
            CREATE TABLE gap (id serial PRIMARY KEY);
            INSERT INTO gap VALUES (5), (6);
            CREATE TABLE hit (id serial PRIMARY KEY);
            INSERT INTO hit VALUES (1), (6);
            """);

        Assert.False(report.For("public.gap_id_seq").NextInsertCollides);
        Assert.True(report.For("public.hit_id_seq").NextInsertCollides);
        Assert.All(report.Sequences, s => Assert.Equal(SequenceStatus.Drift, s.Status));
    }

    [Fact]
    public async Task Increments_other_than_one_descending_sequences_and_bigint_ids_are_judged_on_the_server_values()
    {
        var report = await CheckAsync("""
            CREATE SEQUENCE by_ten INCREMENT 10 START 10;
            CREATE TABLE tens (id int DEFAULT nextval('by_ten'));
            INSERT INTO tens VALUES (10), (20), (30);
            SELECT nextval('by_ten');
            CREATE SEQUENCE down INCREMENT -1 MAXVALUE -1 START -1;
            CREATE TABLE negatives (id int DEFAULT nextval('down'));
            INSERT INTO negatives VALUES (-1), (-2), (-3);
            CREATE TABLE big (id bigserial);
            SELECT setval('big_id_seq', 3000000000);
            INSERT INTO big VALUES (5000000000);
            """);

        var tens = report.For("public.by_ten");
        Assert.Equal((SequenceStatus.Drift, 20L, 30L), (tens.Status, tens.NextValue!.Value, tens.ColumnExtreme!.Value));
        var down = report.For("public.down");
        Assert.Equal((SequenceStatus.Drift, -1L, -3L), (down.Status, down.NextValue!.Value, down.ColumnExtreme!.Value));
        var big = report.For("public.big_id_seq");
        Assert.Equal((SequenceStatus.Drift, 3_000_000_001L, 5_000_000_000L), (big.Status, big.NextValue!.Value, big.ColumnExtreme!.Value));
    }

    [Fact]
    public async Task Data_at_the_maxvalue_is_an_error_and_an_exhausted_sequence_too()
    {
        var report = await CheckAsync("""
            CREATE TABLE full_range (id serial);
            INSERT INTO full_range VALUES (2147483647);
            CREATE SEQUENCE tiny MAXVALUE 5;
            CREATE TABLE used_up (id int DEFAULT nextval('tiny'));
            SELECT setval('tiny', 5);
            INSERT INTO used_up VALUES (3);
            """);

        var full = report.For("public.full_range_id_seq");
        Assert.Equal((SequenceStatus.Error, Finding.NoRoom), (full.Status, full.Finding));
        Assert.Contains("AS bigint", full.Reason.ToString(), StringComparison.Ordinal);
        var usedUp = report.For("public.tiny");
        Assert.Equal((SequenceStatus.Error, Finding.Exhausted), (usedUp.Status, usedUp.Finding));
        Assert.False(report.Complete);
    }

    [Fact]
    public async Task A_cycle_sequence_is_judged_by_whether_its_next_value_is_taken()
    {
        var report = await CheckAsync("""
            CREATE SEQUENCE ring MAXVALUE 10 CYCLE;
            CREATE TABLE wrapped_free (id int DEFAULT nextval('ring'));
            INSERT INTO wrapped_free VALUES (8), (9), (10);
            SELECT setval('ring', 2);
            CREATE SEQUENCE ring2 MAXVALUE 10 CYCLE;
            CREATE TABLE wrapped_taken (id int DEFAULT nextval('ring2'));
            INSERT INTO wrapped_taken VALUES (3), (10);
            SELECT setval('ring2', 2);
            """);

        Assert.Equal((SequenceStatus.Ok, Finding.CycleWrapped), (report.For("public.ring").Status, report.For("public.ring").Finding));
        Assert.Equal((SequenceStatus.Drift, Finding.CycleCollision), (report.For("public.ring2").Status, report.For("public.ring2").Finding));
    }

    [Fact]
    public async Task Columns_without_a_leading_btree_index_are_flagged()
    {
        var report = await CheckAsync("""
            CREATE TABLE indexed (id serial PRIMARY KEY);
            CREATE TABLE scanned (id serial, other int);
            CREATE INDEX ON scanned (other, id);
            """);

        Assert.True(report.For("public.indexed_id_seq").Columns[0].Indexed);
        Assert.False(report.For("public.scanned_id_seq").Columns[0].Indexed);
    }

    [Fact]
    public async Task A_table_the_role_may_not_read_is_an_error_for_its_sequence_only()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE open_table (id serial); CREATE TABLE secret (id serial); INSERT INTO open_table VALUES (7);");
        await using var reader = await TestRole.CreateAsync(db, "GRANT SELECT ON open_table TO {role}; GRANT SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};");

        var report = await SequenceDrift.CheckAsync(reader.DataSource, null, TestContext.Current.CancellationToken);

        var secret = report.For("public.secret_id_seq");
        Assert.Equal((SequenceStatus.Error, Finding.PermissionDenied), (secret.Status, secret.Finding));
        Assert.Contains($"GRANT SELECT ON public.secret TO {reader.Name}", secret.Reason.ToString(), StringComparison.Ordinal);
        Assert.Equal(SequenceStatus.Drift, report.For("public.open_table_id_seq").Status);
    }
}
