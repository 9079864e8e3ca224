using Microsoft.EntityFrameworkCore;
using MyApp.Data;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Docs.Tests;

/// <summary>The EF Core snippets of docs/library.md and src/PgSeq.EntityFrameworkCore/README.md, run against a real database.</summary>
public sealed class EntityFrameworkCoreSnippetTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static LendingContext Context(TestDatabase db) =>
        new(new DbContextOptionsBuilder<LendingContext>().UseLendingDatabase(db.ConnectionString).Options);

    [Fact]
    public async Task The_seeding_snippet_seeds_explicit_keys_and_the_next_insert_gets_a_fresh_one()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var context = Context(db);

        await context.Database.EnsureCreatedAsync(Cancel);
        context.Loans.Add(new Loan { Website = "new.example" });
        await context.SaveChangesAsync(Cancel);

        Assert.Equal([1, 2, 3], await context.Loans.OrderBy(l => l.Id).Select(l => l.Id).ToListAsync(Cancel));
    }

    [Fact]
    public async Task The_check_and_fix_snippet_repairs_rows_saved_with_explicit_keys()
    {
        await using var db = await server.CreateDatabaseAsync();
        await using var context = Context(db);
        await context.Database.EnsureCreatedAsync(Cancel);
        context.Loans.AddRange(Enumerable.Range(10, 19).Select(id => new Loan { Id = id, Website = $"lender-{id}.example" }));
        await context.SaveChangesAsync(Cancel);

        var report = await LendingSequences.RepairAsync(context, Cancel);

        Assert.Equal(1, report.Summary.Repaired);
        context.Loans.Add(new Loan { Website = "new.example" });
        await context.SaveChangesAsync(Cancel);
        Assert.Equal(29, await context.Loans.MaxAsync(l => l.Id, Cancel));
        Assert.Equal(0, (await LendingSequences.RepairAsync(context, Cancel)).Summary.Repaired);
    }
}
