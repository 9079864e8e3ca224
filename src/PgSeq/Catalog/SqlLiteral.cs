namespace PgSeq.Catalog;

/// <summary>Text as SQL literals, for SQL that pgseq prints rather than sends with parameters.</summary>
internal static class SqlLiteral
{
    /// <summary>A string literal that survives <c>standard_conforming_strings</c> either way; NULL for null.</summary>
    public static string Of(string? text) =>
        text is null ? "NULL"
        : (text.Contains('\\', StringComparison.Ordinal) ? "E'" : "'")
          + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>An array of string literals of the given element type, such as <c>ARRAY['a', 'b']::text[]</c>.</summary>
    public static string Array(IEnumerable<string?> items, string type = "text") =>
        $"ARRAY[{string.Join(", ", items.Select(Of))}]::{type}[]";
}
