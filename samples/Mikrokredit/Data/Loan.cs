namespace Mikrokredit.Data;

/// <summary>A loan taken from a lender (a website or an organisation), repaid in installments.</summary>
internal sealed class Loan
{
    /// <summary>Given by <c>loans_id_seq</c> through the column's default unless set explicitly, as an import does.</summary>
    public int Id { get; set; }

    /// <summary>The lender: its website or the organisation's name.</summary>
    public string Website { get; set; } = string.Empty;

    public DateOnly LoanDate { get; set; }

    public decimal AmountBorrowed { get; set; }

    /// <summary>What has to be repaid in total, interest and fees included.</summary>
    public decimal AmountDue { get; set; }

    public DateOnly DueDate { get; set; }

    /// <summary>True once every installment is paid.</summary>
    public bool IsPaid { get; set; }

    public string? Notes { get; set; }

    public List<Installment> Installments { get; } = [];
}
