using Mikrokredit.Data;

namespace Mikrokredit.Import;

/// <summary>An installment in an import file: a row of <c>installments</c>, id included.</summary>
internal sealed record ImportedInstallment
{
    public required int Id { get; init; }

    public required int LoanId { get; init; }

    public required DateOnly DueDate { get; init; }

    public required decimal Amount { get; init; }

    public bool Paid { get; init; }

    public DateOnly? PaidDate { get; init; }

    public Installment ToEntity() => new()
    {
        Id = Id,
        LoanId = LoanId,
        DueDate = DueDate,
        Amount = Amount,
        Paid = Paid,
        PaidDate = PaidDate,
    };
}
