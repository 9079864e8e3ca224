namespace PgSeq;

/// <summary>
/// The values a sequence can ever hand out, when they are not simply every value past its position: with an increment
/// of n it hands out one value in n (those that leave <see cref="Residue"/> when divided by <see cref="Modulus"/>), and
/// none outside its MINVALUE to MAXVALUE. Several writers sharing one key space give each writer its own class
/// (interleaved: <c>INCREMENT 10 START 3</c> on node 3 of 10) or its own range (<c>MINVALUE</c>/<c>MAXVALUE</c> per node);
/// rows outside this sequence's lattice are another writer's and can never collide with it, so pgseq judges and repairs
/// the sequence within its lattice alone.
/// </summary>
public sealed record Lattice
{
    internal Lattice()
    {
    }

    /// <summary>The absolute value of the increment: the sequence hands out one value in every <see cref="Modulus"/>.</summary>
    public required long Modulus { get; init; }

    /// <summary>The class: every value the sequence hands out leaves this remainder (0 to <see cref="Modulus"/> - 1) when
    /// divided by <see cref="Modulus"/>, negative values counted from below (-7 leaves 3 for 10).</summary>
    public required long Residue { get; init; }

    /// <summary>The sequence's MINVALUE: it never hands out less.</summary>
    public required long MinValue { get; init; }

    /// <summary>The sequence's MAXVALUE: it never hands out more.</summary>
    public required long MaxValue { get; init; }

    /// <summary>Rows past the next value (before it, descending) that lie outside the lattice: another writer's, which can
    /// never collide with this sequence. Counted up to <see cref="RowsOutsideLimit"/>; null when not counted.</summary>
    public long? RowsOutsideAhead { get; init; }

    /// <summary>True when there are more rows outside ahead than <see cref="RowsOutsideAhead"/> says: counting stopped at
    /// <see cref="RowsOutsideLimit"/>, so that the count costs little whatever the other writers hold.</summary>
    public bool RowsOutsideCapped { get; init; }

    /// <summary>How many rows outside the lattice a check counts at most, per column.</summary>
    public const long RowsOutsideLimit = 10_000;

    /// <summary>Whether <paramref name="value"/> is one the sequence can hand out.</summary>
    public bool Contains(long value) =>
        value >= MinValue && value <= MaxValue && (((Int128)value % Modulus) + Modulus) % Modulus == Residue;
}
