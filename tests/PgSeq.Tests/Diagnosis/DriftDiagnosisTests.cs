using PgSeq.Diagnosis;
using PgSeq.Probing;

namespace PgSeq.Tests.Diagnosis;

/// <summary>The drift rules, without a database.</summary>
public sealed class DriftDiagnosisTests
{
    private static readonly SequenceDefinition Serial = Sequence("integer", start: 1, increment: 1, min: 1, max: int.MaxValue);

    private static SequenceDefinition Sequence(string type = "bigint", long start = 1, long increment = 1, long min = 1, long max = long.MaxValue, bool cycle = false) =>
        new() { Name = "public.s", DataType = type, Start = start, Increment = increment, MinValue = min, MaxValue = max, Cache = 1, Cycle = cycle };

    private static Verdict Diagnose(SequenceDefinition sequence, long lastValue, bool isCalled, long? extreme, bool? taken = false, long margin = 0, bool rewind = false, bool application = false) =>
        DriftDiagnosis.Diagnose(sequence, new SequenceState(lastValue, isCalled), new ColumnExtremes(extreme, taken), new RepairPolicy(margin, rewind), applicationAllocates: application);

    [Fact]
    public void Incident_loans_sequence_at_2_with_max_28_is_drift_26_behind_and_repairs_to_29()
    {
        var verdict = Diagnose(Serial, lastValue: 2, isCalled: true, extreme: 28, taken: true);

        Assert.Equal(SequenceStatus.Drift, verdict.Status);
        Assert.Equal(Finding.Behind, verdict.Finding);
        Assert.Equal(3, verdict.NextValue);
        Assert.Equal(26, verdict.BehindBy);
        Assert.True(verdict.NextInsertCollides);
        Assert.Equal(new SequenceMove(28, true, 29), verdict.Move);
    }

    [Fact]
    public void Never_called_sequence_hands_out_last_value_itself()
    {
        var verdict = Diagnose(Serial, lastValue: 1, isCalled: false, extreme: 64, taken: true);

        Assert.Equal(SequenceStatus.Drift, verdict.Status);
        Assert.Equal(1, verdict.NextValue);
        Assert.Equal(64, verdict.BehindBy);
        Assert.Equal(65, verdict.Move!.Value.NextValue);
    }

    [Fact]
    public void Is_called_false_with_last_value_equal_to_max_is_drift()
    {
        var verdict = Diagnose(Serial, lastValue: 28, isCalled: false, extreme: 28, taken: true);

        Assert.Equal(SequenceStatus.Drift, verdict.Status);
        Assert.Equal(28, verdict.NextValue);
        Assert.Equal(new SequenceMove(28, true, 29), verdict.Move);
    }

    [Fact]
    public void Is_called_true_with_last_value_equal_to_max_is_in_sync()
    {
        var verdict = Diagnose(Serial, lastValue: 28, isCalled: true, extreme: 28);

        Assert.Equal(SequenceStatus.Ok, verdict.Status);
        Assert.Equal(Finding.InSync, verdict.Finding);
        Assert.Equal(29, verdict.NextValue);
        Assert.Null(verdict.Move);
    }

    [Fact]
    public void A_free_next_value_below_max_is_still_drift_because_a_later_nextval_collides()
    {
        var verdict = Diagnose(Serial, lastValue: 2, isCalled: true, extreme: 28, taken: false);

        Assert.Equal(SequenceStatus.Drift, verdict.Status);
        Assert.False(verdict.NextInsertCollides);
        Assert.Contains("later nextval() collides", verdict.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void When_the_next_value_was_not_looked_up_the_reason_claims_neither_way()
    {
        var verdict = Diagnose(Serial, lastValue: 2, isCalled: true, extreme: 28, taken: null);

        Assert.Equal(SequenceStatus.Drift, verdict.Status);
        Assert.False(verdict.NextInsertCollides);
        Assert.Equal("the next value 3 is not past MAX 28: the sequence is 26 behind", verdict.Reason.ToString());
    }

    [Fact]
    public void Empty_columns_are_ok()
    {
        var verdict = Diagnose(Serial, lastValue: 500, isCalled: true, extreme: null);

        Assert.Equal(SequenceStatus.Ok, verdict.Status);
        Assert.Equal(Finding.Empty, verdict.Finding);
        Assert.Equal(501, verdict.NextValue);
        Assert.Null(verdict.Move);
    }

    [Fact]
    public void Increment_of_ten_repairs_to_max_plus_ten()
    {
        var sequence = Sequence(increment: 10, start: 10, min: 1);

        var verdict = Diagnose(sequence, lastValue: 30, isCalled: true, extreme: 100);

        Assert.Equal(SequenceStatus.Drift, verdict.Status);
        Assert.Equal(40, verdict.NextValue);
        Assert.Equal(70, verdict.BehindBy);
        Assert.Equal(new SequenceMove(100, true, 110), verdict.Move);
    }

    [Fact]
    public void Start_above_the_data_is_ok_until_the_data_passes_it()
    {
        var sequence = Sequence(start: 1000, min: 1000);

        Assert.Equal(SequenceStatus.Ok, Diagnose(sequence, lastValue: 1000, isCalled: false, extreme: 500).Status);
        var drift = Diagnose(sequence, lastValue: 1000, isCalled: false, extreme: 1500);
        Assert.Equal(SequenceStatus.Drift, drift.Status);
        Assert.Equal(new SequenceMove(1500, true, 1501), drift.Move);
    }

    [Fact]
    public void Descending_sequence_drifts_when_next_value_is_not_below_min()
    {
        var sequence = Sequence(start: -1, increment: -1, min: long.MinValue, max: -1);

        var verdict = Diagnose(sequence, lastValue: -5, isCalled: true, extreme: -28, taken: true);

        Assert.Equal(SequenceStatus.Drift, verdict.Status);
        Assert.Equal(-6, verdict.NextValue);
        Assert.Equal(23, verdict.BehindBy);
        Assert.Equal(new SequenceMove(-28, true, -29), verdict.Move);
        Assert.Contains("MIN -28", verdict.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Descending_sequence_below_min_is_ok()
    {
        var sequence = Sequence(start: -1, increment: -1, min: long.MinValue, max: -1);

        Assert.Equal(SequenceStatus.Ok, Diagnose(sequence, lastValue: -30, isCalled: true, extreme: -28).Status);
    }

    [Fact]
    public void Bigint_values_beyond_the_int4_range_are_compared_exactly()
    {
        var verdict = Diagnose(Sequence(), lastValue: 3_000_000_000, isCalled: true, extreme: 5_000_000_000);

        Assert.Equal(SequenceStatus.Drift, verdict.Status);
        Assert.Equal(3_000_000_001, verdict.NextValue);
        Assert.Equal(5_000_000_001, verdict.Move!.Value.NextValue);
    }

    [Fact]
    public void Maxvalue_reached_by_the_data_is_an_error_naming_the_remedy()
    {
        var verdict = Diagnose(Serial, lastValue: 10, isCalled: true, extreme: int.MaxValue);

        Assert.Equal(SequenceStatus.Error, verdict.Status);
        Assert.Equal(Finding.NoRoom, verdict.Finding);
        Assert.Null(verdict.Move);
        Assert.Contains("ALTER SEQUENCE public.s AS bigint NO MAXVALUE", verdict.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Custom_bigint_maxvalue_below_the_data_suggests_raising_it()
    {
        var verdict = Diagnose(Sequence(max: 100), lastValue: 10, isCalled: true, extreme: 150);

        Assert.Equal(Finding.NoRoom, verdict.Finding);
        Assert.Contains("ALTER SEQUENCE public.s NO MAXVALUE", verdict.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Sequence_at_its_maxvalue_is_exhausted()
    {
        var verdict = Diagnose(Sequence(max: long.MaxValue), lastValue: long.MaxValue, isCalled: true, extreme: 5);

        Assert.Equal(SequenceStatus.Error, verdict.Status);
        Assert.Equal(Finding.Exhausted, verdict.Finding);
        Assert.Null(verdict.NextValue);
    }

    [Fact]
    public void Descending_sequence_at_its_minvalue_is_exhausted()
    {
        var sequence = Sequence(start: -1, increment: -1, min: -100, max: -1);

        Assert.Equal(Finding.Exhausted, Diagnose(sequence, lastValue: -100, isCalled: true, extreme: -50).Finding);
    }

    [Fact]
    public void Cycle_sequence_at_its_maxvalue_wraps_to_minvalue()
    {
        var sequence = Sequence(max: 100, cycle: true);

        Assert.Equal(1, DriftDiagnosis.NextValue(sequence, new SequenceState(100, true)));
    }

    [Fact]
    public void Cycle_sequence_whose_next_value_is_taken_is_drift_but_never_moved()
    {
        var verdict = Diagnose(Sequence(max: 100, cycle: true), lastValue: 5, isCalled: true, extreme: 100, taken: true);

        Assert.Equal(SequenceStatus.Drift, verdict.Status);
        Assert.Equal(Finding.CycleCollision, verdict.Finding);
        Assert.Null(verdict.Move);
    }

    [Fact]
    public void Cycle_sequence_that_wrapped_with_a_free_next_value_is_ok()
    {
        var verdict = Diagnose(Sequence(max: 100, cycle: true), lastValue: 5, isCalled: true, extreme: 100, taken: false);

        Assert.Equal(SequenceStatus.Ok, verdict.Status);
        Assert.Equal(Finding.CycleWrapped, verdict.Finding);
    }

    [Fact]
    public void Sequence_ahead_of_its_data_keeps_its_gap()
    {
        var verdict = Diagnose(Serial, lastValue: 1000, isCalled: true, extreme: 28);

        Assert.Equal(SequenceStatus.Ok, verdict.Status);
        Assert.Null(verdict.Move);
    }

    [Fact]
    public void Rewind_lowers_a_sequence_ahead_of_its_data_to_just_past_it()
    {
        var verdict = Diagnose(Serial, lastValue: 1000, isCalled: true, extreme: 28, rewind: true);

        Assert.Equal(SequenceStatus.Ok, verdict.Status);
        Assert.Equal(new SequenceMove(28, true, 29), verdict.Move);
    }

    [Fact]
    public void Rewind_of_an_empty_table_restarts_at_start()
    {
        var verdict = Diagnose(Serial, lastValue: 1000, isCalled: true, extreme: null, rewind: true);

        Assert.Equal(new SequenceMove(1, false, 1), verdict.Move);
    }

    [Fact]
    public void Rewind_leaves_a_sequence_that_is_exactly_past_its_data()
    {
        Assert.Null(Diagnose(Serial, lastValue: 28, isCalled: true, extreme: 28, rewind: true).Move);
        Assert.Null(Diagnose(Serial, lastValue: 1, isCalled: false, extreme: null, rewind: true).Move);
    }

    [Fact]
    public void Margin_leaves_extra_headroom()
    {
        var verdict = Diagnose(Serial, lastValue: 2, isCalled: true, extreme: 28, margin: 10);

        Assert.Equal(new SequenceMove(38, true, 39), verdict.Move);
    }

    [Fact]
    public void Margin_that_does_not_fit_below_maxvalue_is_an_error()
    {
        var verdict = Diagnose(Sequence(max: 100), lastValue: 2, isCalled: true, extreme: 95, margin: 10);

        Assert.Equal(Finding.NoRoom, verdict.Finding);
        Assert.Contains("margin of 10", verdict.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Move_to_the_first_value_of_the_range_uses_is_called_false()
    {
        Assert.Equal(new SequenceMove(1, false, 1), DriftDiagnosis.Move(Serial, 1));
        Assert.Equal(new SequenceMove(1, true, 2), DriftDiagnosis.Move(Serial, 2));
    }

    // An application that calls nextval() itself may take the values below the one it gets (Hibernate pooled,
    // increment 50: v-49 ... v) or from it upwards (EF Core HiLo, Hibernate pooled-lo: v ... v+49). Unknown which,
    // pgseq asks for the next value to be at least MAX + increment: then both blocks lie above the data.
    [Fact]
    public void An_application_sequence_whose_next_value_is_past_max_by_less_than_its_increment_is_drift_to_max_plus_increment()
    {
        var hibernate = Sequence(increment: 50);

        var verdict = Diagnose(hibernate, lastValue: 29, isCalled: false, extreme: 28, application: true);

        Assert.Equal((SequenceStatus.Drift, Finding.Behind), (verdict.Status, verdict.Finding));
        Assert.Equal(49, verdict.BehindBy);
        Assert.False(verdict.NextInsertCollides);
        Assert.Equal(new SequenceMove(28, true, 78), verdict.Move);
        Assert.Contains("must reach 78", verdict.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_application_sequence_a_whole_increment_past_max_is_in_sync_in_both_allocation_schemes()
    {
        var hibernate = Sequence(increment: 50);

        // pooled takes 29 ... 78 from 78; pooled-lo 78 ... 127: both above MAX 28.
        Assert.Equal(SequenceStatus.Ok, Diagnose(hibernate, lastValue: 78, isCalled: false, extreme: 28, application: true).Status);
        Assert.Equal(SequenceStatus.Ok, Diagnose(hibernate, lastValue: 28, isCalled: true, extreme: 28, application: true).Status);
        Assert.Equal(SequenceStatus.Drift, Diagnose(hibernate, lastValue: 77, isCalled: false, extreme: 28, application: true).Status);
    }

    [Fact]
    public void A_sequence_behind_its_data_is_drift_under_both_rules_with_the_same_distance()
    {
        var verdict = Diagnose(Sequence(increment: 50), lastValue: 1, isCalled: false, extreme: 28, taken: true, application: true);
        var byDefault = Diagnose(Sequence(increment: 50), lastValue: 1, isCalled: false, extreme: 28, taken: true);

        Assert.Equal((77L, 77L), (verdict.BehindBy!.Value, byDefault.BehindBy!.Value));
        Assert.True(verdict.NextInsertCollides);
        Assert.Equal(78, verdict.Move!.Value.NextValue);
        Assert.Equal(byDefault.Move, verdict.Move);
    }

    [Fact]
    public void A_default_that_calls_nextval_needs_only_the_next_value_past_max()
    {
        Assert.Equal(SequenceStatus.Ok, Diagnose(Sequence(increment: 50), lastValue: 29, isCalled: false, extreme: 28).Status);
    }

    [Fact]
    public void With_increment_one_both_rules_agree()
    {
        Assert.Equal(SequenceStatus.Ok, Diagnose(Serial, lastValue: 28, isCalled: true, extreme: 28, application: true).Status);
        Assert.Equal(SequenceStatus.Drift, Diagnose(Serial, lastValue: 27, isCalled: true, extreme: 28, application: true).Status);
    }

    [Fact]
    public void A_descending_application_sequence_must_be_a_whole_increment_below_min()
    {
        var down = Sequence(increment: -50, min: long.MinValue, max: -1, start: -1);

        var verdict = Diagnose(down, lastValue: -29, isCalled: false, extreme: -28, application: true);

        Assert.Equal(SequenceStatus.Drift, verdict.Status);
        Assert.Equal(-78, verdict.Move!.Value.NextValue);
        Assert.Equal(SequenceStatus.Ok, Diagnose(down, lastValue: -78, isCalled: false, extreme: -28, application: true).Status);
    }
}
