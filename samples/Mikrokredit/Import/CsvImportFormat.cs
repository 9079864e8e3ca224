using System.Globalization;

namespace Mikrokredit.Import;

/// <summary>
/// The CSV import format: the two tables one after the other in one file, each starting with a header row of its
/// column names (in any order), as <c>\copy loans TO STDOUT WITH (FORMAT csv, HEADER)</c> writes them. A header row
/// is the one whose first field is <c>id</c>; it holds <c>website</c> for loans and <c>loan_id</c> for installments.
/// Blank lines are ignored. Booleans are <c>t</c>/<c>f</c> or <c>true</c>/<c>false</c>, dates <c>YYYY-MM-DD</c>,
/// amounts use a decimal point, and an unquoted empty field is NULL.
/// </summary>
internal static class CsvImportFormat
{
    private static readonly string[] LoanColumns = ["id", "website", "loan_date", "amount_borrowed", "amount_due", "due_date", "is_paid", "notes"];
    private static readonly string[] InstallmentColumns = ["id", "loan_id", "due_date", "amount", "paid", "paid_date"];

    public static ImportData Parse(string text)
    {
        var loans = new List<ImportedLoan>();
        var installments = new List<ImportedInstallment>();
        Section? section = null;
        var seen = new HashSet<string>();
        foreach (var record in CsvReader.Read(text).Where(r => !r.IsBlank))
        {
            if (record.Fields[0] is { Text: "id", Quoted: false })
            {
                section = Section.Of(record);
                if (!seen.Add(section.Table))
                {
                    throw new ImportFormatException($"line {record.Line}: a second header for {section.Table}; each table comes once");
                }

                continue;
            }

            if (section is null)
            {
                throw new ImportFormatException($"line {record.Line}: a header row is expected first: {string.Join(',', LoanColumns)} or {string.Join(',', InstallmentColumns)}");
            }

            var row = section.Row(record);
            if (section.Table == "loans")
            {
                loans.Add(new ImportedLoan
                {
                    Id = row.Integer("id"),
                    Website = row.Text("website"),
                    LoanDate = row.Date("loan_date"),
                    AmountBorrowed = row.Amount("amount_borrowed"),
                    AmountDue = row.Amount("amount_due"),
                    DueDate = row.Date("due_date"),
                    IsPaid = row.Boolean("is_paid"),
                    Notes = row.OptionalText("notes"),
                });
            }
            else
            {
                installments.Add(new ImportedInstallment
                {
                    Id = row.Integer("id"),
                    LoanId = row.Integer("loan_id"),
                    DueDate = row.Date("due_date"),
                    Amount = row.Amount("amount"),
                    Paid = row.Boolean("paid"),
                    PaidDate = row.OptionalDate("paid_date"),
                });
            }
        }

        return new ImportData(loans, installments);
    }

    // A table's header: which column is where.
    private sealed record Section(string Table, Dictionary<string, int> Columns, int Width)
    {
        public static Section Of(CsvRecord header)
        {
            var names = header.Fields.Select(f => f.Text).ToList();
            var (table, known, required) = names.Contains("loan_id")
                ? ("installments", InstallmentColumns, InstallmentColumns[..4])
                : names.Contains("website")
                    ? ("loans", LoanColumns, LoanColumns[..6])
                    : throw new ImportFormatException($"line {header.Line}: a header with neither website (loans) nor loan_id (installments)");
            if (names.FirstOrDefault(n => !known.Contains(n)) is { } unknown)
            {
                throw new ImportFormatException($"line {header.Line}: {table} has no column {unknown}; its columns are {string.Join(',', known)}");
            }

            if (required.FirstOrDefault(r => !names.Contains(r)) is { } missing)
            {
                throw new ImportFormatException($"line {header.Line}: the {table} header lacks the column {missing}");
            }

            if (names.Distinct().Count() != names.Count)
            {
                throw new ImportFormatException($"line {header.Line}: the {table} header names a column twice");
            }

            return new Section(table, names.Select((name, index) => (name, index)).ToDictionary(c => c.name, c => c.index), names.Count);
        }

        public Row Row(CsvRecord record) => record.Fields.Count == Width
            ? new Row(this, record)
            : throw new ImportFormatException($"line {record.Line}: {record.Fields.Count} fields where the {Table} header has {Width}");
    }

    // One record read through its section's header, with the conversions and the error messages of the format.
    private sealed record Row(Section Section, CsvRecord Record)
    {
        public int Integer(string column) =>
            Convert<int>(column, text => int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null, "an integer");

        public decimal Amount(string column) =>
            Convert<decimal>(column, text => decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null, "an amount such as 1250.00");

        public DateOnly Date(string column) => OptionalDate(column) ?? throw Missing(column);

        public DateOnly? OptionalDate(string column) => Field(column) is { IsNull: false }
            ? Convert<DateOnly>(column, text => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null, "a date such as 2025-01-31")
            : null;

        public bool Boolean(string column) => Field(column) is { IsNull: false } && Convert<bool>(column, text => text.ToUpperInvariant() switch
        {
            "T" or "TRUE" => true,
            "F" or "FALSE" => false,
            _ => null,
        }, "t, f, true or false");

        public string Text(string column) => OptionalText(column) ?? throw Missing(column);

        public string? OptionalText(string column) => Field(column) is { IsNull: false } field ? field.Text : null;

        // A column the header left out reads as NULL, which only optional columns allow (false for the flags).
        private CsvField? Field(string column) =>
            Section.Columns.TryGetValue(column, out var index) ? Record.Fields[index] : null;

        private T Convert<T>(string column, Func<string, T?> parse, string expected)
            where T : struct
        {
            var field = Field(column);
            if (field is null or { IsNull: true })
            {
                throw Missing(column);
            }

            return parse(field.Value.Text) ?? throw new ImportFormatException($"line {Record.Line}, {column}: '{field.Value.Text}' is not {expected}");
        }

        private ImportFormatException Missing(string column) => new($"line {Record.Line}, {column}: a value is required");
    }
}
