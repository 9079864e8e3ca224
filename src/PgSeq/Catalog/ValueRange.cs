namespace PgSeq.Catalog;

/// <summary>The values an integer type can hold.</summary>
/// <param name="Type">smallint, integer or bigint.</param>
/// <param name="Min">The smallest value.</param>
/// <param name="Max">The largest value.</param>
internal sealed record ValueRange(string Type, long Min, long Max)
{
    private static readonly ValueRange Smallint = new("smallint", short.MinValue, short.MaxValue);
    private static readonly ValueRange Integer = new("integer", int.MinValue, int.MaxValue);
    private static readonly ValueRange Bigint = new("bigint", long.MinValue, long.MaxValue);

    /// <summary>The range of a type as <c>format_type</c> names it; null for anything but smallint, integer and bigint.</summary>
    public static ValueRange? Of(string type) => type switch
    {
        "smallint" => Smallint,
        "integer" => Integer,
        "bigint" => Bigint,
        _ => null,
    };
}
