using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mikrokredit.Import;

/// <summary>
/// The JSON import format: <c>{"loans": [...], "installments": [...]}</c>, one object per row with the table's column
/// names as keys (<c>id</c>, <c>website</c>, <c>loan_date</c>, ...), dates as <c>YYYY-MM-DD</c>. Unknown keys and
/// missing required ones are errors, so that a misspelt column is not silently imported as empty.
/// </summary>
internal static class JsonImportFormat
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    public static ImportData Parse(string text)
    {
        try
        {
            var file = JsonSerializer.Deserialize<JsonImportFile>(text, Options)
                ?? throw new ImportFormatException("the file holds null instead of an object with loans and installments");
            return new ImportData(file.Loans, file.Installments);
        }
        catch (JsonException error)
        {
            throw new ImportFormatException(error.Message, error);
        }
    }

    private sealed record JsonImportFile
    {
        public IReadOnlyList<ImportedLoan> Loans { get; init; } = [];

        public IReadOnlyList<ImportedInstallment> Installments { get; init; } = [];
    }
}
