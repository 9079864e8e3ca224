using PgSeq.Catalog;

namespace PgSeq.Diagnosis;

/// <summary>
/// When a sequence is judged by its lattice (see <see cref="Lattice"/>), and which lattice it has. Pure.
/// </summary>
/// <remarks>
/// Only for columns whose values come from the server (a default that calls nextval(), identity, serial): a row there
/// can collide with the sequence only if the sequence could have handed out its value. Columns the application feeds by
/// calling nextval() itself (no default, inferred or explicit links) may hold a whole block of ids per value, which are
/// not lattice values, so they keep the rules for application-allocated blocks. A CYCLE sequence keeps its own rule. With
/// an increment of 1 and the default range of its type, every value past the position is in the lattice, and nothing
/// changes: such a sequence is judged by MAX as before.
/// </remarks>
internal static class LatticeRule
{
    /// <summary>The lattice of <paramref name="sequence"/> whose next value is <paramref name="nextValue"/>; null when the
    /// sequence is judged by MAX (MIN when descending).</summary>
    public static Lattice? Of(CatalogSequence sequence, long nextValue)
    {
        var definition = sequence.Definition;
        if (definition.Cycle || !sequence.MeasuredColumns.Any() || !sequence.MeasuredColumns.All(c => ServerFed(c.Link.Kind)))
        {
            return null;
        }

        var modulus = Int128.Abs(definition.Increment);
        if (modulus == 1 && !RangeNarrowed(definition))
        {
            return null;
        }

        // An increment of -2^63 has no positive bigint; its lattice is {next value}, which a modulus of 2^63 - 1 keeps.
        var bounded = (long)Int128.Min(modulus, long.MaxValue);
        return new Lattice
        {
            Modulus = bounded,
            Residue = (long)((((Int128)nextValue % bounded) + bounded) % bounded),
            MinValue = definition.MinValue,
            MaxValue = definition.MaxValue,
        };
    }

    /// <summary>Whether the column's values come from the server: a default that calls nextval(), identity or serial.</summary>
    public static bool ServerFed(LinkKind kind) =>
        kind is LinkKind.Identity or LinkKind.IdentityAlways or LinkKind.Serial or LinkKind.Default or LinkKind.LateBoundDefault;

    /// <summary>
    /// After a migration: the value the target sequence must reach because the source's sequence of the same name has
    /// handed out everything before <paramref name="sourceNext"/>. Null when the source is another writer, whose values
    /// the target can never hand out (another range, or another class of the same modulus): then its position is no floor.
    /// Otherwise the source's next value, moved up (down, descending) to the first value of the target's lattice, so that
    /// a repair keeps the target in its class.
    /// </summary>
    public static long? Floor(Lattice? target, SequenceDefinition source, long sourceNext, bool descending)
    {
        if (target is null)
        {
            return sourceNext;
        }

        if (AnotherWriter(target, source, sourceNext))
        {
            return null;
        }

        var modulus = (Int128)target.Modulus;
        var offset = ((((Int128)target.Residue - sourceNext) % modulus) + modulus) % modulus;
        var floor = descending ? sourceNext - ((modulus - offset) % modulus) : sourceNext + offset;
        return (long)Int128.Clamp(floor, long.MinValue, long.MaxValue);
    }

    /// <summary>Whether the source of a migration hands out only values the target's lattice never holds.</summary>
    public static bool AnotherWriter(Lattice target, SequenceDefinition source, long sourceNext)
    {
        if (source.MaxValue < target.MinValue || source.MinValue > target.MaxValue)
        {
            return true;
        }

        var modulus = (Int128)target.Modulus;
        return Int128.Abs(source.Increment) == modulus && ((((Int128)sourceNext % modulus) + modulus) % modulus) != target.Residue;
    }

    /// <summary>
    /// Whether widening the sequence's range would hand out another writer's ids: it has a range of its own and rows
    /// ahead of it lie outside its lattice, another writer's. A sequence with a narrow range and no such rows is taken
    /// for a lone writer, whose range may be widened as any other's.
    /// </summary>
    public static bool SharesKeySpace(SequenceDefinition definition, Lattice? lattice) =>
        lattice is { RowsOutsideAhead: > 0 } && RangeNarrowed(definition);

    /// <summary>Whether the sequence's MINVALUE or MAXVALUE differs from what CREATE SEQUENCE gives its type and
    /// direction: a range of its own, as several writers split one key space.</summary>
    public static bool RangeNarrowed(SequenceDefinition definition) => (definition.MinValue, definition.MaxValue) != DefaultRange(definition);

    // The range CREATE SEQUENCE gives a sequence of this type and direction when none is named.
    private static (long Min, long Max) DefaultRange(SequenceDefinition definition)
    {
        var (typeMin, typeMax) = definition.DataType switch
        {
            "smallint" => ((long)short.MinValue, (long)short.MaxValue),
            "integer" => (int.MinValue, int.MaxValue),
            _ => (long.MinValue, long.MaxValue),
        };
        return definition.Descending ? (typeMin, -1) : (1, typeMax);
    }
}
