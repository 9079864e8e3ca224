using Microsoft.EntityFrameworkCore;

namespace PgSeq.EntityFrameworkCore.Tests;

public sealed class Loan
{
    public int Id { get; set; }

    public string Website { get; set; } = string.Empty;
}

public abstract class Animal
{
    public long Id { get; set; }

    public string Name { get; set; } = string.Empty;
}

public sealed class Cat : Animal;

public sealed class Dog : Animal;

/// <summary>A small real model: identity keys on loans, and a TPC hierarchy whose tables share one sequence.</summary>
public sealed class LendingContext(DbContextOptions<LendingContext> options) : DbContext(options)
{
    public DbSet<Loan> Loans => Set<Loan>();

    public DbSet<Cat> Cats => Set<Cat>();

    public DbSet<Dog> Dogs => Set<Dog>();

    /// <summary>Loans to seed through HasData, for the migration tests.</summary>
    public static IReadOnlyList<Loan>? SeedData { get; set; }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Loan>().ToTable("loans");
        modelBuilder.Entity<Animal>().UseTpcMappingStrategy();
        modelBuilder.Entity<Cat>().ToTable("cats");
        modelBuilder.Entity<Dog>().ToTable("dogs");
    }
}

/// <summary>The same model with 28 loans seeded through HasData.</summary>
public sealed class SeededContext(DbContextOptions<SeededContext> options) : DbContext(options)
{
    public DbSet<Loan> Loans => Set<Loan>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.Entity<Loan>().ToTable("loans").HasData(Enumerable.Range(1, 28).Select(i => new Loan { Id = i, Website = $"lender-{i}.example" }));
}

/// <summary>Loans with HiLo keys: EF Core takes a block of ids per nextval() and the columns have no default.</summary>
public sealed class HiLoContext(DbContextOptions<HiLoContext> options, string? sequence) : DbContext(options)
{
    public DbSet<Loan> Loans => Set<Loan>();

    /// <summary>The HiLo sequence's name; null for EF Core's default.</summary>
    public string? Sequence => sequence;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.UseHiLo(sequence);
        modelBuilder.Entity<Loan>().ToTable("loans");
    }
}
