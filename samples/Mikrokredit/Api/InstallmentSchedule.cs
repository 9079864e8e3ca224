using Mikrokredit.Data;

namespace Mikrokredit.Api;

/// <summary>How a new loan is split into installments.</summary>
internal static class InstallmentSchedule
{
    /// <summary>Days between the loan date and the first installment, and between installments.</summary>
    public const int DaysBetween = 30;

    /// <summary>
    /// <paramref name="count"/> installments due every <see cref="DaysBetween"/> days after <paramref name="loanDate"/>.
    /// Each is the amount due divided evenly, rounded down to the cent; the last one also takes the cents left over,
    /// so that the installments add up to exactly the amount due.
    /// </summary>
    public static List<Installment> Plan(DateOnly loanDate, decimal amountDue, int count)
    {
        var share = decimal.Round(amountDue / count, 2, MidpointRounding.ToZero);
        return
        [
            .. Enumerable.Range(1, count).Select(k => new Installment
            {
                DueDate = loanDate.AddDays(DaysBetween * k),
                Amount = k < count ? share : amountDue - (share * (count - 1)),
            }),
        ];
    }
}
