namespace PgSeq;

/// <summary>How much of its range a sequence has used, where the range ends at the narrower of the sequence's own
/// limit (MAXVALUE, or MINVALUE when descending) and the type of the columns it feeds.</summary>
/// <param name="Limit">The last value that can be handed out and stored.</param>
/// <param name="LimitedBy">What sets the limit: the sequence (<c>public.s MAXVALUE</c>) or a column (<c>public.t.id integer</c>).</param>
/// <param name="UsedRatio">The share of the range used, from 0 to 1, counting both the sequence's position and the data.</param>
/// <param name="Remaining">How many more values nextval() can hand out before the limit.</param>
/// <param name="Level">Against the thresholds.</param>
public sealed record Capacity(long Limit, string LimitedBy, double UsedRatio, long Remaining, CapacityLevel Level);
