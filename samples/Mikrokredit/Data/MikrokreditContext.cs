using Microsoft.EntityFrameworkCore;

namespace Mikrokredit.Data;

/// <summary>
/// The mikrokredit tables as demo/mikrokredit-schema.sql creates them. The ids come from sequences created apart and
/// reached through the columns' <c>DEFAULT nextval(...)</c>, as in the original app: EF leaves an unset id out of the
/// INSERT and reads back what the default gave, and writes an id that is set (an import) as it is.
/// </summary>
internal sealed class MikrokreditContext(DbContextOptions<MikrokreditContext> options) : DbContext(options)
{
    public DbSet<Loan> Loans => Set<Loan>();

    public DbSet<Installment> Installments => Set<Installment>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Loan>(loan =>
        {
            loan.ToTable("loans");
            loan.Property(l => l.Id).HasColumnName("id").ValueGeneratedOnAdd().HasDefaultValueSql("nextval('loans_id_seq')");
            loan.Property(l => l.Website).HasColumnName("website");
            loan.Property(l => l.LoanDate).HasColumnName("loan_date");
            loan.Property(l => l.AmountBorrowed).HasColumnName("amount_borrowed").HasPrecision(12, 2);
            loan.Property(l => l.AmountDue).HasColumnName("amount_due").HasPrecision(12, 2);
            loan.Property(l => l.DueDate).HasColumnName("due_date");
            loan.Property(l => l.IsPaid).HasColumnName("is_paid");
            loan.Property(l => l.Notes).HasColumnName("notes");
            loan.HasMany(l => l.Installments).WithOne().HasForeignKey(i => i.LoanId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<Installment>(installment =>
        {
            installment.ToTable("installments");
            installment.Property(i => i.Id).HasColumnName("id").ValueGeneratedOnAdd().HasDefaultValueSql("nextval('installments_id_seq')");
            installment.Property(i => i.LoanId).HasColumnName("loan_id");
            installment.Property(i => i.DueDate).HasColumnName("due_date");
            installment.Property(i => i.Amount).HasColumnName("amount").HasPrecision(12, 2);
            installment.Property(i => i.Paid).HasColumnName("paid");
            installment.Property(i => i.PaidDate).HasColumnName("paid_date");
            installment.HasIndex(i => i.LoanId).HasDatabaseName("installments_loan_id_idx");
        });
    }
}
