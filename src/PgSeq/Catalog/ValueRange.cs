namespace PgSeq.Catalog;

/// <summary>The values an integer type can hold.</summary>
/// <param name="Type">smallint, integer or bigint.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
internal sealed record ValueRange(string Type, long Min, long Max)
{
    /// <summary>The range of a type as <c>format_type</c> names it; null for anything but smallint, integer and bigint.</summary>
    public static ValueRange? Of(string type) => type switch
    {
        "smallint" => new(type, short.MinValue, short.MaxValue),
        "integer" => new(type, int.MinValue, int.MaxValue),
        "bigint" => new(type, long.MinValue, long.MaxValue),
        _ => null,
    };
}
