namespace PgSeq;

/// <summary>A sequence defined differently on the source and the target of a migration.</summary>
/// <param name="Sequence">The schema-qualified name both share.</param>
/// <param name="SourceType">The type on the source.</param>
/// <param name="TargetType">The type on the target.</param>
/// <param name="SourceIncrement">The increment on the source.</param>
/// <param name="TargetIncrement">The increment on the target.</param>
public sealed record DefinitionDifference(string Sequence, string SourceType, string TargetType, long SourceIncrement, long TargetIncrement);
