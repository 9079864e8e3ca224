namespace PgSeq;

/// <summary>
/// After a migration (logical replication, pgcopydb, pg_dump, a cloud migration service): how the target's sequences
/// compare with the source's, matched by schema-qualified name. Sequences behind the source are in the report's
/// sequences with <see cref="Finding.BehindSource"/> (or drift) and their <see cref="SequenceReport.SourceNextValue"/>.
/// </summary>
/// <param name="SourceDatabase">The source database's name.</param>
/// <param name="MissingOnTarget">Sequences the source has and the target lacks.</param>
/// <param name="MissingOnSource">Sequences the target has and the source lacks.</param>
/// <param name="DefinitionDifferences">Sequences whose type or increment differ (intended in some multi-writer setups).</param>
/// <param name="Behind">Target sequences whose next value is behind the source's.</param>
public sealed record CutoverComparison(
    string SourceDatabase,
    IReadOnlyList<string> MissingOnTarget,
    IReadOnlyList<string> MissingOnSource,
    IReadOnlyList<DefinitionDifference> DefinitionDifferences,
    int Behind);
