using Mikrokredit.Data;

namespace Mikrokredit.Import;

/// <summary>A loan in an import file: a row of <c>loans</c>, id included.</summary>
internal sealed record ImportedLoan
{
    public required int Id { get; init; }

    public required string Website { get; init; }

    public required DateOnly LoanDate { get; init; }

    public required decimal AmountBorrowed { get; init; }

    public required decimal AmountDue { get; init; }

    public required DateOnly DueDate { get; init; }

    public bool IsPaid { get; init; }

    public string? Notes { get; init; }

    public Loan ToEntity() => new()
    {
        Id = Id,
        Website = Website,
        LoanDate = LoanDate,
        AmountBorrowed = AmountBorrowed,
        AmountDue = AmountDue,
        DueDate = DueDate,
        IsPaid = IsPaid,
        Notes = Notes,
    };
}
