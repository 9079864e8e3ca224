namespace PgSeq;

/// <summary>How much of its range a sequence has used, where the range ends at the narrower of the sequence's own
/// limit (MAXVALUE, or MINVALUE when descending) and the type of the columns it feeds.</summary>
public sealed record Capacity
{
    internal Capacity()
    {
    }

    /// <summary>The last value that can be handed out and stored.</summary>
    public required long Limit { get; init; }

    /// <summary>What sets the limit: the sequence (<c>public.s MAXVALUE</c>) or a column (<c>public.t.id integer</c>).</summary>
    public required string LimitedBy { get; init; }

    /// <summary>The share of the range used, from 0 to 1, counting both the sequence's position and the data.</summary>
    public required double UsedRatio { get; init; }

    /// <summary>How many more values nextval() can hand out before the limit.</summary>
    public required long Remaining { get; init; }

    /// <summary>Against the thresholds.</summary>
    public required CapacityLevel Level { get; init; }
}
