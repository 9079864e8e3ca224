namespace PgSeq.Catalog;

/// <summary>
/// Names how a column is tied to its sequence and why it cannot be measured, from what the catalog query decided
/// (<see cref="SequenceLinks"/>). Pure.
/// </summary>
internal static class LinkClassifier
{
    /// <summary>Names the link from the catalog flags.</summary>
    public static LinkKind Kind(LinkFlags flags) => flags switch
    {
        { Identity: 'a' } => LinkKind.IdentityAlways,
        { Identity: 'd' } => LinkKind.Identity,
        { Owned: true, InDefault: true } => LinkKind.Serial,
        { Owned: true } => LinkKind.Owned,
        { LateBound: true } => LinkKind.LateBoundDefault,
        { InDefault: true } => LinkKind.Default,
        { Explicit: true } => LinkKind.Explicit,
        { Inferred: true } => LinkKind.Inferred,
        _ => LinkKind.Default,
    };

    /// <summary>Why the column cannot be measured, or null when it can.</summary>
    /// <param name="measured">Whether the catalog query found the column measurable.</param>
    /// <param name="integral">Whether its type is an integer type.</param>
    /// <param name="columnType">The type, for the message.</param>
    /// <param name="defaultExpression">The default, for the message.</param>
    public static Phrase? SkipReason(bool measured, bool integral, string columnType, string? defaultExpression) =>
        measured ? null : integral ? Phrases.NotPlainDefault(defaultExpression) : Phrases.NotInteger(columnType);
}
