using Mikrokredit.Data;

namespace Mikrokredit.Api;

/// <summary>An installment as the API returns it.</summary>
internal sealed record InstallmentView(int Id, int LoanId, DateOnly DueDate, decimal Amount, bool Paid, DateOnly? PaidDate)
{
    public static InstallmentView Of(Installment installment) =>
        new(installment.Id, installment.LoanId, installment.DueDate, installment.Amount, installment.Paid, installment.PaidDate);
}
