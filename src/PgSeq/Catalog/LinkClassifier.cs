using System.Text.RegularExpressions;

namespace PgSeq.Catalog;

/// <summary>
/// Decides how a column is tied to its sequence and whether its values can be compared with the sequence's.
/// Pure: works on what the catalog query returned.
/// </summary>
internal static partial class LinkClassifier
{
    /// <summary>Names the link from the catalog flags.</summary>
    public static LinkKind Kind(char identity, bool owned, bool inDefault, bool lateBound, bool isExplicit, bool inferred) => identity switch
    {
        'a' => LinkKind.IdentityAlways,
        'd' => LinkKind.Identity,
        _ when owned && inDefault => LinkKind.Serial,
        _ when owned => LinkKind.Owned,
        _ when lateBound => LinkKind.LateBoundDefault,
        _ when inDefault => LinkKind.Default,
        _ when isExplicit => LinkKind.Explicit,
        _ when inferred => LinkKind.Inferred,
        _ => LinkKind.Default,
    };

    /// <summary>
    /// Why the column cannot be measured, or null when it can: the column must be an integer type and its default,
    /// when the default is what mentions the sequence, must be nothing but <c>nextval()</c> of it (optionally cast to
    /// an integer type) — anything else (<c>'INV-' || nextval(...)</c>, <c>nextval(...) + 1000</c>) stores values
    /// that MAX() of the column cannot compare with the sequence.
    /// </summary>
    public static Phrase? SkipReason(LinkKind kind, bool columnIsInteger, string columnType, string? defaultExpression)
    {
        if (!columnIsInteger)
        {
            return Phrases.NotInteger(columnType);
        }

        if (kind is LinkKind.Default or LinkKind.LateBoundDefault or LinkKind.Serial
            && (defaultExpression is null || !PlainNextval().IsMatch(defaultExpression)))
        {
            return Phrases.NotPlainDefault(defaultExpression);
        }

        return null;
    }

    // As pg_get_expr prints them: nextval('s'::regclass), (nextval('s'::regclass))::integer, nextval(('s'::text)::regclass).
    [GeneratedRegex(@"^(?:nextval\('(?:[^']|'')+'::regclass\)|\(nextval\('(?:[^']|'')+'::regclass\)\)::(?:smallint|integer|bigint)|nextval\(\('(?:[^']|'')+'::text\)::regclass\))$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainNextval();
}
