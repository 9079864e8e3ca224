namespace PgSeq;

/// <summary>A sequence as <c>pg_catalog.pg_sequence</c> defines it.</summary>
/// <param name="Name">Schema-qualified name, quoted as <c>format('%I.%I', schema, name)</c> quotes it.</param>
/// <param name="DataType">The sequence's type: <c>smallint</c>, <c>integer</c> or <c>bigint</c>.</param>
/// <param name="Start">START WITH.</param>
/// <param name="Increment">INCREMENT BY; negative for descending sequences.</param>
/// <param name="MinValue">MINVALUE.</param>
/// <param name="MaxValue">MAXVALUE.</param>
/// <param name="Cache">CACHE.</param>
/// <param name="Cycle">Whether the sequence wraps around (CYCLE).</param>
public sealed record SequenceDefinition(
    string Name,
    string DataType,
    long Start,
    long Increment,
    long MinValue,
    long MaxValue,
    long Cache,
    bool Cycle)
{
    /// <summary>True when the sequence counts down (negative increment).</summary>
    public bool Descending => Increment < 0;
}
