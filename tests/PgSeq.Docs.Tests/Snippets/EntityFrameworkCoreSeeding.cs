#region EF Core: seeding with explicit keys, then the repair
using Microsoft.EntityFrameworkCore;
using PgSeq.EntityFrameworkCore;

namespace MyApp.Data;

public static class LendingDatabase
{
    // services.AddDbContext<LendingContext>(options => options.UseLendingDatabase(connectionString)): the seed runs
    // on EnsureCreated and Migrate, and the sequences are repaired right after it.
    public static DbContextOptionsBuilder UseLendingDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseNpgsql(connectionString).UseAsyncSeedingWithSequenceRepair(async (context, _, cancellationToken) =>
        {
            if (!await context.Set<Loan>().AnyAsync(cancellationToken))
            {
                context.Set<Loan>().AddRange(new Loan { Id = 1, Website = "lender-1.example" }, new Loan { Id = 2, Website = "lender-2.example" });
                await context.SaveChangesAsync(cancellationToken);
            }
        });
}
#endregion
