namespace PgSeq.Probing;

/// <summary>What the measured columns of one sequence hold.</summary>
/// <param name="Extreme">MAX over the columns (MIN for a descending sequence); null when they are all empty.</param>
/// <param name="NextValueTaken">Whether the value the next <c>nextval()</c> returns exists in any of the columns; null
/// when it was not looked up.</param>
/// <remarks>For a sequence judged by its lattice, <paramref name="Extreme"/> is the last value of the lattice in use, and
/// <see cref="OutsideAhead"/> counts the rows past the next value outside it.</remarks>
internal readonly record struct ColumnExtremes(long? Extreme, bool? NextValueTaken)
{
    /// <summary>Rows past the next value outside the lattice, each column counted up to
    /// <see cref="Lattice.RowsOutsideLimit"/>; null when not counted (no lattice).</summary>
    public long? OutsideAhead { get; init; }

    /// <summary>Whether a column had more such rows than were counted.</summary>
    public bool OutsideCapped { get; init; }
}
