using Mikrokredit.Data;
using PgSeq;
using PgSeq.EntityFrameworkCore;

namespace Mikrokredit.Import;

/// <summary>Writes imported loans and installments with their ids, and repairs the sequences in the same transaction.</summary>
internal static class LoanImport
{
    /// <summary>
    /// Inserts the rows as they are, ids included, in one transaction. With <paramref name="repair"/>, pgseq then moves
    /// the sequences past the imported ids inside that transaction, so that the rows and the repair commit together:
    /// no moment exists at which the rows are there and the next insert would collide. A repair that cannot finish
    /// (a sequence busy or in error) rolls the whole import back.
    /// </summary>
    /// <returns>The repair's report; null without <paramref name="repair"/>.</returns>
    /// <exception cref="IncompleteRepairException">The repair left a sequence behind; nothing was imported.</exception>
    public static async Task<DriftReport?> RunAsync(MikrokreditContext db, ImportData data, bool repair, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Loans.AddRange(data.Loans.Select(l => l.ToEntity()));
        db.Installments.AddRange(data.Installments.Select(i => i.ToEntity()));
        await db.SaveChangesAsync(cancellationToken);

        DriftReport? report = null;
        if (repair)
        {
            report = await db.Database.FixSequencesAsync(cancellationToken: cancellationToken);
            if (!report.Complete || report.Summary.Drift > 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                throw new IncompleteRepairException(report);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return report;
    }
}
