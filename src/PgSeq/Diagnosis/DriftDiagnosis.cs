using System.Globalization;

namespace PgSeq.Diagnosis;

/// <summary>
/// Decides whether a sequence will hand out a value its columns already hold. Pure: no I/O, so every rule is
/// unit-tested without a database.
/// </summary>
internal static class DriftDiagnosis
{
    /// <summary>Diagnoses one sequence.</summary>
    /// <param name="sequence">The definition from <c>pg_sequence</c>.</param>
    /// <param name="state">The position read from the sequence relation.</param>
    /// <param name="columns">MAX (MIN when descending) over the measured columns, and whether the next value is taken.</param>
    /// <param name="policy">How far a repair would move the sequence.</param>
    public static Verdict Diagnose(SequenceDefinition sequence, SequenceState state, ColumnExtremes columns, RepairPolicy policy)
    {
        var next = NextValue(sequence, state);
        if (next is not { } nextValue)
        {
            return new Verdict(SequenceStatus.Error, Finding.Exhausted,
                $"the sequence has reached its {Limit(sequence)} {Format(LimitValue(sequence))}, so nextval() fails; {WidenRemedy(sequence)}",
                null, null, false, null);
        }

        if (columns.Extreme is not { } extreme)
        {
            var rewind = policy.AllowRewind && nextValue != sequence.Start && !sequence.Cycle
                ? Move(sequence, sequence.Start)
                : (SequenceMove?)null;
            return new Verdict(SequenceStatus.Ok, Finding.Empty,
                $"the linked columns are empty; the next value is {Format(nextValue)}", nextValue, null, false, rewind);
        }

        if (sequence.Cycle)
        {
            return DiagnoseCycle(sequence, nextValue, extreme, columns.NextValueTaken);
        }

        var edge = sequence.Descending ? "MIN" : "MAX";
        var behind = sequence.Descending ? nextValue >= extreme : nextValue <= extreme;
        var goal = (Int128)extreme + ((Int128)sequence.Increment * (1 + (Int128)policy.Margin));
        if (!behind)
        {
            var ahead = sequence.Descending ? nextValue < goal : nextValue > goal;
            var rewind = policy.AllowRewind && ahead ? Move(sequence, Clamp(sequence, goal)) : (SequenceMove?)null;
            return new Verdict(SequenceStatus.Ok, Finding.InSync,
                $"the next value {Format(nextValue)} is {(sequence.Descending ? "below" : "above")} {edge} {Format(extreme)}",
                nextValue, null, false, rewind);
        }

        var behindBy = (long)(Int128.Abs((Int128)extreme - nextValue) + Int128.Abs(sequence.Increment));
        if (goal > sequence.MaxValue || goal < sequence.MinValue)
        {
            return new Verdict(SequenceStatus.Error, Finding.NoRoom,
                $"{edge} {Format(extreme)} leaves no room {(sequence.Descending ? "above MINVALUE" : "below MAXVALUE")} {Format(LimitValue(sequence))}"
                + (policy.Margin > 0 ? $" for a margin of {Format(policy.Margin)}" : string.Empty)
                + $"; {WidenRemedy(sequence)}, then run fix again",
                nextValue, behindBy, columns.NextValueTaken, null);
        }

        var collides = columns.NextValueTaken
            ? "the very next insert collides"
            : $"the value {Format(nextValue)} is free but a later nextval() collides";
        return new Verdict(SequenceStatus.Drift, Finding.Behind,
            $"the next value {Format(nextValue)} is not {(sequence.Descending ? "below" : "above")} {edge} {Format(extreme)}: the sequence is {Format(behindBy)} behind and {collides}",
            nextValue, behindBy, columns.NextValueTaken, Move(sequence, (long)goal));
    }

    /// <summary>
    /// The value the next <c>nextval()</c> returns: <c>last_value</c> itself when <c>is_called</c> is false, else the
    /// value one increment on, wrapping for CYCLE sequences; null when the sequence is exhausted.
    /// </summary>
    public static long? NextValue(SequenceDefinition sequence, SequenceState state)
    {
        if (!state.IsCalled)
        {
            return state.LastValue;
        }

        var next = (Int128)state.LastValue + sequence.Increment;
        if (next <= sequence.MaxValue && next >= sequence.MinValue)
        {
            return (long)next;
        }

        return sequence.Cycle ? (sequence.Descending ? sequence.MaxValue : sequence.MinValue) : null;
    }

    /// <summary>
    /// The setval() that makes <paramref name="nextValue"/> the next value: <c>setval(next - increment, true)</c>, as if
    /// the sequence had handed out everything up to the data, unless that value is outside the sequence's range (the
    /// very first value), then <c>setval(next, false)</c>.
    /// </summary>
    public static SequenceMove Move(SequenceDefinition sequence, long nextValue)
    {
        var previous = (Int128)nextValue - sequence.Increment;
        return previous >= sequence.MinValue && previous <= sequence.MaxValue
            ? new SequenceMove((long)previous, true, nextValue)
            : new SequenceMove(nextValue, false, nextValue);
    }

    private static Verdict DiagnoseCycle(SequenceDefinition sequence, long nextValue, long extreme, bool nextValueTaken)
    {
        // After a wrap-around a CYCLE sequence legitimately hands out values below MAX, so MAX says nothing;
        // only whether the next value is taken does, and no MAX-based move is a safe repair.
        var edge = sequence.Descending ? "MIN" : "MAX";
        if (nextValueTaken)
        {
            return new Verdict(SequenceStatus.Drift, Finding.CycleCollision,
                $"CYCLE sequence whose values have wrapped around: the next value {Format(nextValue)} is already taken; pgseq does not move cycling sequences, so choose a free range and call setval() on it by hand",
                nextValue, null, true, null);
        }

        var wrapped = sequence.Descending ? nextValue >= extreme : nextValue <= extreme;
        return wrapped
            ? new Verdict(SequenceStatus.Ok, Finding.CycleWrapped,
                $"CYCLE sequence that has wrapped around below {edge} {Format(extreme)}; the next value {Format(nextValue)} is free",
                nextValue, null, false, null)
            : new Verdict(SequenceStatus.Ok, Finding.InSync,
                $"the next value {Format(nextValue)} is {(sequence.Descending ? "below" : "above")} {edge} {Format(extreme)}",
                nextValue, null, false, null);
    }

    private static long Clamp(SequenceDefinition sequence, Int128 value) =>
        (long)Int128.Clamp(value, sequence.MinValue, sequence.MaxValue);

    private static string Limit(SequenceDefinition sequence) => sequence.Descending ? "MINVALUE" : "MAXVALUE";

    private static long LimitValue(SequenceDefinition sequence) => sequence.Descending ? sequence.MinValue : sequence.MaxValue;

    private static string WidenRemedy(SequenceDefinition sequence)
    {
        var bound = sequence.Descending ? "NO MINVALUE" : "NO MAXVALUE";
        var typeLimit = sequence.Descending ? long.MinValue : long.MaxValue;
        return sequence.DataType != "bigint"
            ? $"widen it with ALTER SEQUENCE {sequence.Name} AS bigint {bound} (and the column with ALTER TABLE ... ALTER COLUMN ... TYPE bigint)"
            : LimitValue(sequence) != typeLimit
                ? $"raise the limit with ALTER SEQUENCE {sequence.Name} {bound}"
                : "the bigint range is used up: the data must be renumbered";
    }

    private static string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
}
