using Microsoft.EntityFrameworkCore;

namespace PgSeq.EntityFrameworkCore;

/// <summary>Seeding with explicit keys, followed by the sequence repair it makes necessary.</summary>
public static class SeedingSequenceExtensions
{
    /// <summary>
    /// Like <c>UseAsyncSeeding</c>, and once <paramref name="seed"/> has run, repairs the sequences of the model's tables,
    /// so that rows seeded with explicit keys do not make the application's next insert fail. Runs on
    /// <c>EnsureCreatedAsync</c> and <c>MigrateAsync</c>, as <c>UseAsyncSeeding</c> does.
    /// </summary>
    /// <param name="optionsBuilder">The context options being built.</param>
    /// <param name="seed">The seeding: the context, whether EF Core performed a store management operation, and a cancellation token.</param>
    /// <param name="options">How to repair; the model's tables by default.</param>
    public static DbContextOptionsBuilder UseAsyncSeedingWithSequenceRepair(
        this DbContextOptionsBuilder optionsBuilder, Func<DbContext, bool, CancellationToken, Task> seed, FixOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        ArgumentNullException.ThrowIfNull(seed);
        return optionsBuilder.UseAsyncSeeding(async (context, storeManagementPerformed, cancellationToken) =>
        {
            await seed(context, storeManagementPerformed, cancellationToken).ConfigureAwait(false);
            await context.Database.FixSequencesAsync(options, cancellationToken).ConfigureAwait(false);
        });
    }
}
