using PgSeq.Catalog;
using PgSeq.Diagnosis;
using PgSeq.Probing;

namespace PgSeq.Tests.Diagnosis;

/// <summary>Capacity: the share of the range used, against the narrower of the sequence's and the column's limits.</summary>
public sealed class CapacityAssessmentTests
{
    private static SequenceDefinition Sequence(string type = "bigint", long increment = 1, long min = 1, long max = long.MaxValue, bool cycle = false) =>
        new() { Name = "public.s", DataType = type, Start = increment > 0 ? min : max, Increment = increment, MinValue = min, MaxValue = max, Cache = 1, Cycle = cycle };

    private static ColumnRange Column(string type) => new("public.t", "id", ValueRange.Of(type)!);

    private static (Capacity Capacity, Phrase Explanation) Assess(SequenceDefinition sequence, long lastValue, long? extreme, params string[] columnTypes) =>
        CapacityAssessment.Assess(sequence, new SequenceState(lastValue, true), extreme, columnTypes.Select(Column), 0.75, 0.90);

    [Fact]
    public void An_integer_column_fed_by_a_bigint_sequence_is_limited_by_the_column()
    {
        var (capacity, explanation) = Assess(Sequence(), lastValue: 1_800_000_000, extreme: null, "integer");

        Assert.Equal((int.MaxValue, "public.t.id integer", CapacityLevel.Warning), (capacity.Limit, capacity.LimitedBy, capacity.Level));
        Assert.Equal(int.MaxValue - 1_800_000_000L, capacity.Remaining);
        Assert.InRange(capacity.UsedRatio, 0.838, 0.839);
        Assert.Equal("83.8% of the range used: 347483647 values left before 2147483647, the limit set by public.t.id integer; widen with ALTER TABLE public.t ALTER COLUMN id TYPE bigint", explanation.ToString());
    }

    [Fact]
    public void An_integer_sequence_is_limited_by_its_own_maxvalue_and_the_remedy_widens_both()
    {
        var (capacity, explanation) = Assess(Sequence("integer", max: int.MaxValue), lastValue: 2_000_000_000, extreme: null, "integer");

        Assert.Equal(CapacityLevel.Critical, capacity.Level);
        Assert.Equal("public.s MAXVALUE", capacity.LimitedBy);
        Assert.EndsWith("widen with ALTER SEQUENCE public.s AS bigint NO MAXVALUE; ALTER TABLE public.t ALTER COLUMN id TYPE bigint", explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void The_data_counts_when_it_is_ahead_of_the_sequence()
    {
        var (capacity, _) = Assess(Sequence("integer", max: 100), lastValue: 10, extreme: 95, "integer");

        Assert.Equal((CapacityLevel.Critical, 5L), (capacity.Level, capacity.Remaining));
        Assert.Equal(0.95, capacity.UsedRatio, 6);
    }

    [Fact]
    public void A_fresh_sequence_has_used_nothing()
    {
        var (capacity, _) = CapacityAssessment.Assess(Sequence(), new SequenceState(1, false), null, [Column("bigint")], 0.75, 0.90);

        Assert.Equal((0.0, long.MaxValue, CapacityLevel.Ok), (capacity.UsedRatio, capacity.Remaining, capacity.Level));
    }

    [Fact]
    public void Increments_count_in_calls_left()
    {
        var (capacity, _) = Assess(Sequence(increment: 10, max: 1000), lastValue: 500, extreme: null, "bigint");

        Assert.Equal(50, capacity.Remaining);
    }

    [Fact]
    public void A_descending_sequence_is_measured_toward_its_minvalue_and_the_column_minimum()
    {
        var (capacity, explanation) = Assess(Sequence(increment: -1, min: long.MinValue, max: -1), lastValue: -30_000, extreme: null, "smallint");

        Assert.Equal((short.MinValue, "public.t.id smallint", CapacityLevel.Critical), (capacity.Limit, capacity.LimitedBy, capacity.Level));
        Assert.Equal(-30_000 - short.MinValue, capacity.Remaining);
        Assert.Contains("ALTER TABLE public.t ALTER COLUMN id TYPE bigint", explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_cycle_sequence_limited_by_itself_wraps_instead_of_failing()
    {
        var (capacity, explanation) = Assess(Sequence(max: 100, cycle: true), lastValue: 99, extreme: null, "bigint");

        Assert.Equal(CapacityLevel.Cycles, capacity.Level);
        Assert.Equal("CYCLE sequence: 99.0% of its range used; it wraps around at 100", explanation.ToString());
    }

    [Fact]
    public void A_cycle_sequence_limited_by_a_narrower_column_still_fails_there()
    {
        Assert.Equal(CapacityLevel.Critical, Assess(Sequence(cycle: true), lastValue: 32_000, extreme: null, "smallint").Capacity.Level);
    }

    [Fact]
    public void A_bigint_sequence_at_the_end_of_the_bigint_range_can_only_be_renumbered()
    {
        var (_, explanation) = Assess(Sequence(), lastValue: long.MaxValue - 10, extreme: null, "bigint");

        Assert.EndsWith("the bigint range is used up: the data must be renumbered", explanation.ToString(), StringComparison.Ordinal);
    }
}
