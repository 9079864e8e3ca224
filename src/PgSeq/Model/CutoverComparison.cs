namespace PgSeq;

/// <summary>
/// After a migration (logical replication, pgcopydb, pg_dump, a cloud migration service): how the target's sequences
/// compare with the source's, matched by schema-qualified name. Sequences behind the source are in the report's
/// sequences with <see cref="Finding.BehindSource"/> (or drift) and their <see cref="SequenceReport.SourceNextValue"/>.
/// </summary>
public sealed record CutoverComparison
{
    internal CutoverComparison()
    {
    }

    /// <summary>The source database's name.</summary>
    public required string SourceDatabase { get; init; }

    /// <summary>Sequences the source has and the target lacks.</summary>
    public required IReadOnlyList<string> MissingOnTarget { get; init; }

    /// <summary>Sequences the target has and the source lacks.</summary>
    public required IReadOnlyList<string> MissingOnSource { get; init; }

    /// <summary>Sequences whose type or increment differ (intended in some multi-writer setups).</summary>
    public required IReadOnlyList<DefinitionDifference> DefinitionDifferences { get; init; }

    /// <summary>Target sequences whose next value is behind the source's.</summary>
    public required int Behind { get; init; }
}
