namespace Mikrokredit.Import;

/// <summary>One CSV record and the line it starts on, for error messages.</summary>
internal sealed record CsvRecord(int Line, IReadOnlyList<CsvField> Fields)
{
    /// <summary>An empty line: one field, empty and unquoted.</summary>
    public bool IsBlank => Fields is [{ IsNull: true }];
}
