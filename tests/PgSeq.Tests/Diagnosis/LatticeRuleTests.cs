using PgSeq.Catalog;
using PgSeq.Diagnosis;
using PgSeq.Probing;

namespace PgSeq.Tests.Diagnosis;

/// <summary>The rule for one writer of several: which sequences have a lattice, which values it holds, and how drift,
/// repair, capacity and a migration's floor are judged within it. Without a database.</summary>
public sealed class LatticeRuleTests
{
    private static SequenceDefinition Definition(
        string type = "bigint", long start = 1, long increment = 1, long min = 1, long max = long.MaxValue, bool cycle = false) =>
        new() { Name = "public.s", DataType = type, Start = start, Increment = increment, MinValue = min, MaxValue = max, Cache = 1, Cycle = cycle };

    private static CatalogSequence Sequence(SequenceDefinition definition, params LinkKind[] kinds) => new(
        1, definition, "'public.s'", "owner", CanAlter: true, CanRead: true,
        [.. kinds.Select((kind, i) => new CatalogColumn(
            new LinkedColumn { Table = $"public.t{i}", Column = "id", ColumnType = "bigint", Kind = kind },
            "public", $"t{i}", "id", CanRead: true, CanLock: true) { Range = ValueRange.Of("bigint") })])
    {
        Schema = "public",
    };

    private static Verdict Diagnose(SequenceDefinition definition, long lastValue, bool isCalled, long? latticeExtreme, long rowsOutside = 0, long margin = 0)
    {
        var next = DriftDiagnosis.NextValue(definition, new SequenceState(lastValue, isCalled))!.Value;
        var lattice = LatticeRule.Of(Sequence(definition, LinkKind.Default), next)! with { RowsOutsideAhead = rowsOutside };
        return DriftDiagnosis.Diagnose(definition, new SequenceState(lastValue, isCalled), new ColumnExtremes(latticeExtreme, false),
            new RepairPolicy(margin, false), lattice: lattice);
    }

    [Fact]
    public void An_increment_of_one_over_the_default_range_has_no_lattice_so_nothing_changes()
    {
        Assert.Null(LatticeRule.Of(Sequence(Definition(), LinkKind.Default), 5));
        Assert.Null(LatticeRule.Of(Sequence(Definition(type: "integer", max: int.MaxValue), LinkKind.Serial), 5));
        Assert.Null(LatticeRule.Of(Sequence(Definition(increment: -1, min: long.MinValue, max: -1, start: -1), LinkKind.Identity), -5));
    }

    [Fact]
    public void Interleaved_node_3_of_10_has_the_values_congruent_to_its_next_value()
    {
        var lattice = LatticeRule.Of(Sequence(Definition(start: 3, increment: 10), LinkKind.Default, LinkKind.IdentityAlways), 33)!;

        Assert.Equal((10L, 3L, 1L, long.MaxValue), (lattice.Modulus, lattice.Residue, lattice.MinValue, lattice.MaxValue));
        Assert.True(lattice.Contains(43));
        Assert.False(lattice.Contains(42));
        Assert.False(lattice.Contains(-7));
    }

    [Fact]
    public void A_range_of_its_own_is_a_lattice_of_modulus_one()
    {
        var lattice = LatticeRule.Of(Sequence(Definition(min: 1L << 48, max: (2L << 48) - 1, start: 1L << 48), LinkKind.Identity), 1L << 48)!;

        Assert.Equal((1L, 0L), (lattice.Modulus, lattice.Residue));
        Assert.True(lattice.Contains((1L << 48) + 5));
        Assert.False(lattice.Contains(2L << 48));
        Assert.False(lattice.Contains(5));
    }

    [Fact]
    public void Negative_values_of_the_class_count_from_below_and_bigint_edges_do_not_overflow()
    {
        var descending = LatticeRule.Of(Sequence(Definition(increment: -10, start: -3, min: long.MinValue, max: -1), LinkKind.Default), -13)!;
        Assert.Equal(7, descending.Residue);
        Assert.True(descending.Contains(-23));
        Assert.True(descending.Contains(long.MinValue + 5));
        Assert.False(descending.Contains(-22));

        var widest = LatticeRule.Of(Sequence(Definition(increment: long.MaxValue, start: long.MaxValue, min: 1), LinkKind.Default), long.MaxValue)!;
        Assert.Equal(0, widest.Residue);
        Assert.True(widest.Contains(long.MaxValue));
        Assert.False(widest.Contains(long.MaxValue - 1));
    }

    [Fact]
    public void Columns_the_application_feeds_and_cycle_sequences_keep_their_own_rules()
    {
        var stepped = Definition(increment: 50);
        Assert.Null(LatticeRule.Of(Sequence(stepped, LinkKind.Inferred), 51));
        Assert.Null(LatticeRule.Of(Sequence(stepped, LinkKind.Explicit), 51));
        Assert.Null(LatticeRule.Of(Sequence(stepped, LinkKind.Owned), 51));
        Assert.Null(LatticeRule.Of(Sequence(stepped, LinkKind.Default, LinkKind.Inferred), 51));
        Assert.Null(LatticeRule.Of(Sequence(Definition(increment: 10, max: 100, cycle: true), LinkKind.Default), 51));
    }

    [Fact]
    public void Another_nodes_rows_ahead_are_no_drift_and_the_note_counts_them()
    {
        var verdict = Diagnose(Definition(start: 3, increment: 10), lastValue: 23, isCalled: true, latticeExtreme: 23, rowsOutside: 3);

        Assert.Equal((SequenceStatus.Ok, Finding.InSync), (verdict.Status, verdict.Finding));
        Assert.Null(verdict.Move);
        Assert.Equal(
            "the next value 33 is above its last in-class value 23 (it hands out only values ≡ 3 mod 10 from 1 to 9223372036854775807); "
            + "3 rows ahead of it are outside them: another writer's, which can never collide with it",
            verdict.Reason.ToString());
    }

    [Fact]
    public void An_import_in_its_own_class_is_drift_repaired_within_the_class()
    {
        var verdict = Diagnose(Definition(start: 3, increment: 10), lastValue: 23, isCalled: true, latticeExtreme: 53);

        Assert.Equal((SequenceStatus.Drift, 30L), (verdict.Status, verdict.BehindBy));
        Assert.Equal(new SequenceMove(53, true, 63), verdict.Move);
        Assert.Equal(3, verdict.Move!.Value.NextValue % 10);
        Assert.Equal(new SequenceMove(73, true, 83), Diagnose(Definition(start: 3, increment: 10), 23, true, 53, margin: 2).Move);
    }

    [Fact]
    public void Is_called_false_and_descending_sequences_are_judged_from_the_next_value()
    {
        var unused = Diagnose(Definition(start: 3, increment: 10), lastValue: 3, isCalled: false, latticeExtreme: 3);
        Assert.Equal((SequenceStatus.Drift, 13L), (unused.Status, unused.Move!.Value.NextValue));

        var down = Definition(start: -3, increment: -10, min: long.MinValue, max: -1);
        Assert.Equal(SequenceStatus.Ok, Diagnose(down, lastValue: -23, isCalled: true, latticeExtreme: -23, rowsOutside: 5).Status);
        var drift = Diagnose(down, lastValue: -23, isCalled: true, latticeExtreme: -53);
        Assert.Equal((SequenceStatus.Drift, -63L), (drift.Status, drift.Move!.Value.NextValue));
    }

    [Fact]
    public void A_full_range_of_its_own_with_another_writer_ahead_is_an_error_that_never_advises_widening_it()
    {
        var definition = Definition(min: 1, max: 1000);
        var shared = Diagnose(definition, lastValue: 990, isCalled: true, latticeExtreme: 1000, rowsOutside: 7);
        var alone = Diagnose(definition, lastValue: 990, isCalled: true, latticeExtreme: 1000);

        Assert.Equal((SequenceStatus.Error, Finding.NoRoom), (shared.Status, shared.Finding));
        Assert.Contains("its own values (≡ 0 mod 1 from 1 to 1000) are used up", shared.Reason.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("NO MAXVALUE", shared.Reason.ToString(), StringComparison.Ordinal);
        Assert.Contains("NO MAXVALUE", alone.Reason.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Capacity_of_a_writer_with_a_range_of_its_own_counts_its_values_left_and_never_advises_widening()
    {
        var definition = Definition(min: 1, max: 1000);
        var sequence = Sequence(definition, LinkKind.Default);
        var lattice = LatticeRule.Of(sequence, 951)! with { RowsOutsideAhead = 4 };

        var (capacity, explanation) = CapacityAssessment.Assess(sequence, new SequenceState(950, true), 950, new CapacityThresholds(0.75, 0.9), lattice);

        Assert.Equal((1000L, 50L, CapacityLevel.Critical), (capacity.Limit, capacity.Remaining, capacity.Level));
        Assert.Contains("this writer's own range ends at 1000", explanation.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("NO MAXVALUE", explanation.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_migration_source_of_another_class_or_range_is_no_floor_and_one_of_the_same_is_rounded_into_the_class()
    {
        var target = LatticeRule.Of(Sequence(Definition(start: 3, increment: 10), LinkKind.Default), 33)!;

        Assert.Null(LatticeRule.Floor(target, Definition(start: 2, increment: 10), 102, descending: false));
        Assert.Null(LatticeRule.Floor(target, Definition(min: -1000, max: -1, increment: -10, start: -1), -51, descending: false));
        Assert.Equal(103, LatticeRule.Floor(target, Definition(start: 3, increment: 10), 103, descending: false));
        Assert.Equal(103, LatticeRule.Floor(target, Definition(), 97, descending: false));
        Assert.Equal(97, LatticeRule.Floor(null, Definition(), 97, descending: false));

        var down = LatticeRule.Of(Sequence(Definition(start: -3, increment: -10, min: long.MinValue, max: -1), LinkKind.Default), -33)!;
        Assert.Equal(-103, LatticeRule.Floor(down, Definition(increment: -1, min: long.MinValue, max: -1, start: -1), -97, descending: true));

        var verdict = DriftDiagnosis.Diagnose(Definition(start: 3, increment: 10), new SequenceState(23, true), new ColumnExtremes(23, false),
            RepairPolicy.Default, new SourcePosition(Definition(start: 2, increment: 10), 102), lattice: target);
        Assert.Equal((SequenceStatus.Ok, (long?)null), (verdict.Status, verdict.Floor));
        Assert.Contains("hands out another writer's values (another class or range), so its position is no floor", verdict.Reason.ToString(), StringComparison.Ordinal);
    }
}
