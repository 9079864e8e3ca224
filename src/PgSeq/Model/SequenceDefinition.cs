namespace PgSeq;

/// <summary>A sequence as <c>pg_catalog.pg_sequence</c> defines it.</summary>
public sealed record SequenceDefinition
{
    internal SequenceDefinition()
    {
    }

    /// <summary>Schema-qualified name, quoted as <c>format('%I.%I', schema, name)</c> quotes it.</summary>
    public required string Name { get; init; }

    /// <summary>The sequence's type: <c>smallint</c>, <c>integer</c> or <c>bigint</c>.</summary>
    public required string DataType { get; init; }

    /// <summary>START WITH.</summary>
    public required long Start { get; init; }

    /// <summary>INCREMENT BY; negative for descending sequences.</summary>
    public required long Increment { get; init; }

    /// <summary>MINVALUE.</summary>
    public required long MinValue { get; init; }

    /// <summary>MAXVALUE.</summary>
    public required long MaxValue { get; init; }

    /// <summary>CACHE.</summary>
    public required long Cache { get; init; }

    /// <summary>Whether the sequence wraps around (CYCLE).</summary>
    public required bool Cycle { get; init; }

    /// <summary>True when the sequence counts down (negative increment).</summary>
    public bool Descending => Increment < 0;
}
