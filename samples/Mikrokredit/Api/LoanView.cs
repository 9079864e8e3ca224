using Mikrokredit.Data;

namespace Mikrokredit.Api;

/// <summary>A loan and its installments (in id order) as the API returns them.</summary>
internal sealed record LoanView(
    int Id,
    string Website,
    DateOnly LoanDate,
    decimal AmountBorrowed,
    decimal AmountDue,
    DateOnly DueDate,
    bool IsPaid,
    string? Notes,
    IReadOnlyList<InstallmentView> Installments)
{
    public static LoanView Of(Loan loan) => new(
        loan.Id,
        loan.Website,
        loan.LoanDate,
        loan.AmountBorrowed,
        loan.AmountDue,
        loan.DueDate,
        loan.IsPaid,
        loan.Notes,
        [.. loan.Installments.OrderBy(i => i.Id).Select(InstallmentView.Of)]);
}
