namespace Mikrokredit.Import;

/// <summary>What an import file holds: loans and installments with their ids.</summary>
internal sealed record ImportData(IReadOnlyList<ImportedLoan> Loans, IReadOnlyList<ImportedInstallment> Installments)
{
    /// <summary>Reads <paramref name="path"/> as JSON (<c>.json</c>) or CSV (<c>.csv</c>), by its extension.</summary>
    /// <exception cref="ImportFormatException">The file is neither, or does not follow its format.</exception>
    public static async Task<ImportData> ReadAsync(string path, CancellationToken cancellationToken)
    {
        var text = await File.ReadAllTextAsync(path, cancellationToken);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".JSON" => JsonImportFormat.Parse(text),
            ".CSV" => CsvImportFormat.Parse(text),
            _ => throw new ImportFormatException($"{path}: the file name must end in .json or .csv, which says its format"),
        };
    }
}
