namespace PgSeq;

/// <summary>A sequence defined differently on the source and the target of a migration.</summary>
public sealed record DefinitionDifference
{
    internal DefinitionDifference()
    {
    }

    /// <summary>The schema-qualified name both share.</summary>
    public required string Sequence { get; init; }

    /// <summary>The type on the source.</summary>
    public required string SourceType { get; init; }

    /// <summary>The type on the target.</summary>
    public required string TargetType { get; init; }

    /// <summary>The increment on the source.</summary>
    public required long SourceIncrement { get; init; }

    /// <summary>The increment on the target.</summary>
    public required long TargetIncrement { get; init; }
}
