using Mikrokredit.Data;

namespace Mikrokredit.Api;

/// <summary>
/// The body of <c>POST /api/loans</c>. The installments fall due every <see cref="InstallmentSchedule.DaysBetween"/>
/// days after the loan date and share the amount due; the loan is due with its last installment.
/// </summary>
/// <param name="Website">The lender: its website or the organisation's name.</param>
/// <param name="LoanDate">When the money was borrowed.</param>
/// <param name="AmountBorrowed">What was borrowed.</param>
/// <param name="AmountDue">What has to be repaid in total.</param>
/// <param name="InstallmentCount">In how many installments, 1 to <see cref="MaxInstallments"/>.</param>
/// <param name="Notes">Anything worth remembering; optional.</param>
internal sealed record NewLoan(string? Website, DateOnly? LoanDate, decimal? AmountBorrowed, decimal? AmountDue, int? InstallmentCount, string? Notes)
{
    public const int MaxInstallments = 120;

    /// <summary>What is missing or out of range, by field, in the shape of a validation problem.</summary>
    public Dictionary<string, string[]> Validate()
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(Website))
        {
            errors["website"] = ["The lender's website or name is required."];
        }

        if (LoanDate is null)
        {
            errors["loanDate"] = ["The loan date is required."];
        }

        if (AmountBorrowed is not > 0)
        {
            errors["amountBorrowed"] = ["The amount borrowed must be above zero."];
        }

        if (AmountDue is not > 0 || decimal.Round(AmountDue.Value, 2) != AmountDue)
        {
            errors["amountDue"] = ["The amount due must be above zero, in cents at most."];
        }

        if (InstallmentCount is not (>= 1 and <= MaxInstallments))
        {
            errors["installmentCount"] = [$"The number of installments must be between 1 and {MaxInstallments}."];
        }

        return errors;
    }

    /// <summary>The loan and its installments, without ids: the sequences give them on insert. Call after <see cref="Validate"/>.</summary>
    public Loan ToLoan()
    {
        var installments = InstallmentSchedule.Plan(LoanDate!.Value, AmountDue!.Value, InstallmentCount!.Value);
        var loan = new Loan
        {
            Website = Website!.Trim(),
            LoanDate = LoanDate.Value,
            AmountBorrowed = AmountBorrowed!.Value,
            AmountDue = AmountDue.Value,
            DueDate = installments[^1].DueDate,
            Notes = string.IsNullOrWhiteSpace(Notes) ? null : Notes.Trim(),
        };
        loan.Installments.AddRange(installments);
        return loan;
    }
}
