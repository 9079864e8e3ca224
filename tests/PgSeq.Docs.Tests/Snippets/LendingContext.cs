using Microsoft.EntityFrameworkCore;

namespace MyApp.Data;

// The application model the EF Core snippets take for granted; the documentation does not show it.
public sealed class Loan
{
    public int Id { get; set; }

    public string Website { get; set; } = string.Empty;
}

public sealed class LendingContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<Loan> Loans => Set<Loan>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.Entity<Loan>().ToTable("loans");
}
