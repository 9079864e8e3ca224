namespace Mikrokredit.Data;

/// <summary>One scheduled repayment of a loan.</summary>
internal sealed class Installment
{
    /// <summary>Given by <c>installments_id_seq</c> through the column's default unless set explicitly, as an import does.</summary>
    public int Id { get; set; }

    public int LoanId { get; set; }

    public DateOnly DueDate { get; set; }

    public decimal Amount { get; set; }

    public bool Paid { get; set; }

    public DateOnly? PaidDate { get; set; }
}
