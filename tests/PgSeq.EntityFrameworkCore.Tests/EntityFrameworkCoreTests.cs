using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.EntityFrameworkCore.Tests;

/// <summary>
/// The ways an EF Core application writes explicit keys, each shown failing on the next insert and then repaired; and
/// the one way (HasData through migrations) where Npgsql already keeps the sequence in step.
/// </summary>
public sealed class EntityFrameworkCoreTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static LendingContext Context(TestDatabase db, Action<DbContextOptionsBuilder>? configure = null)
    {
        var builder = new DbContextOptionsBuilder<LendingContext>().UseNpgsql(db.ConnectionString);
        configure?.Invoke(builder);
        return new LendingContext(builder.Options);
    }

    private static async Task AssertNextInsertFailsAsync(DbContext context, object entity)
    {
        context.Add(entity);
        var failure = await Assert.ThrowsAsync<DbUpdateException>(() => context.SaveChangesAsync(Cancel));
        Assert.Equal(PostgresErrorCodes.UniqueViolation, Assert.IsType<PostgresException>(failure.InnerException).SqlState);
        context.ChangeTracker.Clear();
    }

    private static async Task<long> InsertAsync(DbContext context, Loan loan)
    {
        context.Add(loan);
        await context.SaveChangesAsync(Cancel);
        return loan.Id;
    }

    [Fact]
    public async Task Rows_saved_with_explicit_keys_make_the_next_insert_fail_until_fix_sequences()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var context = Context(db);
        await context.Database.EnsureCreatedAsync(Cancel);
        context.Loans.AddRange(Enumerable.Range(1, 28).Select(i => new Loan { Id = i, Website = "imported" }));
        await context.SaveChangesAsync(Cancel);
        context.ChangeTracker.Clear();

        await AssertNextInsertFailsAsync(context, new Loan { Website = "new" });
        var report = await context.Database.FixSequencesAsync(cancellationToken: Cancel);

        Assert.Equal(1, report.Summary.Repaired);
        Assert.Equal(29, await InsertAsync(context, new Loan { Website = "new" }));
    }

    [Fact]
    public async Task Use_async_seeding_with_explicit_keys_fails_the_next_insert_and_the_opt_in_helper_prevents_it()
    {
        static Task Seed(DbContext context, bool _, CancellationToken cancellation)
        {
            context.Set<Loan>().AddRange(Enumerable.Range(1, 28).Select(i => new Loan { Id = i, Website = "seeded" }));
            return context.SaveChangesAsync(cancellation);
        }

        await using (var plainDb = await server.CreateDatabaseAsync())
        {
            await using var plain = Context(plainDb, o => o.UseAsyncSeeding(Seed));
            await plain.Database.EnsureCreatedAsync(Cancel);
            await AssertNextInsertFailsAsync(plain, new Loan { Website = "new" });
            await plain.Database.FixSequencesAsync(cancellationToken: Cancel);
            Assert.Equal(29, await InsertAsync(plain, new Loan { Website = "new" }));
        }

        await using var helpedDb = await server.CreateDatabaseAsync();
        await using var helped = Context(helpedDb, o => o.UseAsyncSeedingWithSequenceRepair(Seed));
        await helped.Database.EnsureCreatedAsync(Cancel);
        Assert.Equal(29, await InsertAsync(helped, new Loan { Website = "new" }));
    }

    [Fact]
    public async Task Raw_sql_inserts_with_explicit_keys_fail_the_next_insert_until_fix_sequences()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var context = Context(db);
        await context.Database.EnsureCreatedAsync(Cancel);
        await context.Database.ExecuteSqlRawAsync("""INSERT INTO loans ("Id", "Website") SELECT g, 'raw' FROM generate_series(1, 28) AS g""", Cancel);

        await AssertNextInsertFailsAsync(context, new Loan { Website = "new" });
        await context.Database.FixSequencesAsync(cancellationToken: Cancel);

        Assert.Equal(29, await InsertAsync(context, new Loan { Website = "new" }));
    }

    [Fact]
    public async Task A_tpc_hierarchy_sharing_one_sequence_is_repaired_past_every_table_of_the_hierarchy()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var context = Context(db);
        await context.Database.EnsureCreatedAsync(Cancel);
        context.Cats.AddRange(new Cat { Id = 1, Name = "a" }, new Cat { Id = 2, Name = "b" });
        context.Dogs.Add(new Dog { Id = 40, Name = "c" });
        await context.SaveChangesAsync(Cancel);
        context.ChangeTracker.Clear();

        await AssertNextInsertFailsAsync(context, new Cat { Name = "new" });
        var report = await context.Database.FixSequencesAsync(cancellationToken: Cancel);

        var shared = Assert.Single(report.Sequences, s => s.Columns.Count == 2);
        Assert.Equal(["public.cats", "public.dogs"], shared.Columns.Select(c => c.Table));
        var cat = new Cat { Name = "new" };
        context.Add(cat);
        await context.SaveChangesAsync(Cancel);
        Assert.Equal(41, cat.Id);
    }

    [Fact]
    public async Task Npgsql_migrations_already_resync_identity_sequences_after_has_data_seeding()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var context = new SeededContext(new DbContextOptionsBuilder<SeededContext>().UseNpgsql(db.ConnectionString).Options);
        var model = context.GetService<IDesignTimeModel>().Model;
        var operations = context.GetService<IMigrationsModelDiffer>().GetDifferences(null, model.GetRelationalModel());
        var commands = context.GetService<IMigrationsSqlGenerator>().Generate(operations, model);
        Assert.Contains(commands, c => c.CommandText.Contains("setval", StringComparison.Ordinal));

        foreach (var command in commands)
        {
            await context.Database.ExecuteSqlRawAsync(command.CommandText, Cancel);
        }

        Assert.All((await context.Database.CheckSequencesAsync(cancellationToken: Cancel)).Sequences, s => Assert.Equal(SequenceStatus.Ok, s.Status));
        Assert.Equal(29, await InsertAsync(context, new Loan { Website = "new" }));
    }

    [Fact]
    public async Task A_migration_ending_with_fix_sequences_repairs_what_its_data_steps_drifted()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var context = Context(db);
        await context.Database.EnsureCreatedAsync(Cancel);
        var migration = new MigrationBuilder("Npgsql.EntityFrameworkCore.PostgreSQL");
        migration.Sql("""INSERT INTO loans ("Id", "Website") SELECT g, 'migrated' FROM generate_series(1, 28) AS g""");
        migration.FixSequences("loans");

        await using (var transaction = await context.Database.BeginTransactionAsync(Cancel))
        {
            foreach (var command in context.GetService<IMigrationsSqlGenerator>().Generate(migration.Operations))
            {
                await context.Database.ExecuteSqlRawAsync(command.CommandText, Cancel);
            }

            await transaction.CommitAsync(Cancel);
        }

        Assert.Equal(29, await InsertAsync(context, new Loan { Website = "new" }));
    }

    [Fact]
    public async Task Check_sequences_is_scoped_to_the_tables_of_the_model()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var context = Context(db);
        await context.Database.EnsureCreatedAsync(Cancel);
        await db.ExecuteAsync("CREATE TABLE not_in_model (id serial); INSERT INTO not_in_model VALUES (5);");

        var report = await context.Database.CheckSequencesAsync(cancellationToken: Cancel);

        Assert.DoesNotContain(report.Sequences, s => s.Sequence.Name == "public.not_in_model_id_seq");
        Assert.Contains(report.Sequences, s => s.Sequence.Name == "public.\"loans_Id_seq\"");
        Assert.Contains(report.Sequences, s => s.Sequence.Name == "public.\"AnimalSequence\"");
    }

    [Fact]
    public async Task Fix_sequences_inside_the_contexts_transaction_commits_or_rolls_back_with_it()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var context = Context(db);
        await context.Database.EnsureCreatedAsync(Cancel);

        await using (var transaction = await context.Database.BeginTransactionAsync(Cancel))
        {
            await context.Database.ExecuteSqlRawAsync("""INSERT INTO loans ("Id", "Website") VALUES (50, 'x')""", Cancel);
            Assert.Equal(1, (await context.Database.FixSequencesAsync(cancellationToken: Cancel)).Summary.Repaired);
            await transaction.RollbackAsync(Cancel);
        }

        Assert.Equal(1, await InsertAsync(context, new Loan { Website = "first" }));
    }

    // EF Core's HiLo takes v ... v + 9 from one nextval() and gives the key column no default; a custom-named sequence
    // has nothing the catalog or a naming rule could link, so the model has to say it.
    [Theory]
    [InlineData(null)]
    [InlineData("loans_hilo")]
    public async Task Hilo_keys_are_linked_from_the_model_repaired_by_a_plain_fix_sequences_and_fine_in_steady_use(string? sequence)
    {
        await using var db = await server.CreateDatabaseAsync();
        HiLoContext Open() => new(new DbContextOptionsBuilder<HiLoContext>().UseNpgsql(db.ConnectionString)
            .ReplaceService<IModelCacheKeyFactory, PerSequenceModelCacheKey>().Options, sequence);
        await using (var setup = Open())
        {
            await setup.Database.EnsureCreatedAsync(Cancel);
            setup.Loans.AddRange(Enumerable.Range(1, 28).Select(i => new Loan { Id = i, Website = "imported" }));
            await setup.SaveChangesAsync(Cancel);
        }

        await using var context = Open();
        var name = sequence is null ? "public.\"EntityFrameworkHiLoSequence\"" : $"public.{sequence}";
        var before = (await context.Database.CheckSequencesAsync(cancellationToken: Cancel)).For(name);
        var fix = await context.Database.FixSequencesAsync(cancellationToken: Cancel);

        Assert.Equal((SequenceStatus.Drift, LinkKind.Explicit), (before.Status, Assert.Single(before.Columns).Kind));
        Assert.Equal(1, fix.Summary.Repaired);
        var ids = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            ids.Add(await InsertAsync(context, new Loan { Website = "new" }));
        }

        // The repair moves the sequence to MAX + increment, as for every sequence: HiLo's next block is 38 ... 47.
        Assert.Equal([38L, 39L, 40L], ids);
        Assert.Equal(SequenceStatus.Ok, (await context.Database.CheckSequencesAsync(cancellationToken: Cancel)).For(name).Status);
    }

    // Two HiLo models in one test process: each sequence name gets its own compiled model.
    private sealed class PerSequenceModelCacheKey : IModelCacheKeyFactory
    {
        public object Create(DbContext context, bool designTime) => (context.GetType(), ((HiLoContext)context).Sequence, designTime);
    }
}
