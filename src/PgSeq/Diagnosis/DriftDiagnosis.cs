using PgSeq.Probing;

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
    /// <param name="source">After a migration: the source database's sequence of the same name and the value it hands out
    /// next. The sequence must reach it too, or it hands out ids the source already gave; unless the source is another
    /// writer, whose values the sequence's lattice never holds (<see cref="LatticeRule.Floor"/>).</param>
    /// <param name="applicationAllocates">Whether the application calls nextval() itself for a column (no default or
    /// identity feeds it): it may use the values up to the one it gets, a whole increment's worth, so the next value
    /// must be at least MAX + increment (MIN + increment when descending), not merely past it.</param>
    /// <param name="lattice">The values the sequence can hand out, when it is judged by them (<see cref="LatticeRule"/>):
    /// then <paramref name="columns"/> hold the last of those values in use, and only they count.</param>
    public static Verdict Diagnose(
        SequenceDefinition sequence,
        SequenceState state,
        ColumnExtremes columns,
        RepairPolicy policy,
        SourcePosition? source = null,
        bool applicationAllocates = false,
        Lattice? lattice = null)
    {
        var verdict = AgainstData(sequence, state, columns, policy, applicationAllocates, lattice);
        var floor = source is { } position ? LatticeRule.Floor(lattice, position.Definition, position.NextValue, sequence.Descending) : null;
        verdict = floor is { } reach && verdict.NextValue is { } next && !sequence.Cycle && verdict.Status != SequenceStatus.Error
                  && (sequence.Descending ? next > reach : next < reach)
            ? BehindSource(sequence, verdict, next, reach, lattice)
            : verdict;
        if (source is { } other && floor is null)
        {
            verdict = verdict with { Reason = Phrases.SourceAnotherWriter(verdict.Reason, other.NextValue) };
        }

        verdict = verdict with { Floor = floor };
        return lattice is null ? verdict : verdict with { Lattice = lattice, Reason = LatticeNote(verdict.Reason, lattice) };
    }

    // What the sequence can hand out, and the rows ahead of it that are another writer's.
    private static Phrase LatticeNote(Phrase reason, Lattice lattice)
    {
        var note = lattice.Modulus == 1
            ? Phrases.RangeNote(reason, lattice.MinValue, lattice.MaxValue)
            : Phrases.LatticeNote(reason, lattice.Residue, lattice.Modulus, lattice.MinValue, lattice.MaxValue);
        return lattice switch
        {
            { RowsOutsideAhead: > 0 and var rows, RowsOutsideCapped: true } => Phrases.RowsOutsideMore(note, rows),
            { RowsOutsideAhead: > 0 and var rows } => Phrases.RowsOutside(note, rows),
            _ => note,
        };
    }

    // A sequence behind its source moves to at least the source's next value, and past its own data too.
    private static Verdict BehindSource(SequenceDefinition sequence, Verdict verdict, long next, long source, Lattice? lattice)
    {
        var goal = verdict.Status == SequenceStatus.Drift && verdict.Move is { } move
            ? (sequence.Descending ? Math.Min(move.NextValue, source) : Math.Max(move.NextValue, source))
            : source;
        if (goal > sequence.MaxValue || goal < sequence.MinValue)
        {
            var outOfRange = Phrases.SourceOutOfRange(source, Limit(sequence), LimitValue(sequence), WidenRemedy(sequence, lattice));
            return Verdict.Unrepairable(Finding.NoRoom, outOfRange,
                next, verdict.BehindBy, verdict.NextInsertCollides);
        }

        return verdict.Status == SequenceStatus.Drift
            ? Verdict.Drift(
                verdict.Finding,
                Phrases.AlsoBehindSource(verdict.Reason, source),
                next,
                verdict.BehindBy,
                verdict.NextInsertCollides,
                Move(sequence, goal))
            : Verdict.Drift(
                Finding.BehindSource, Phrases.BehindSource(next, source), next, verdict.BehindBy, verdict.NextInsertCollides, Move(sequence, goal));
    }

    private static Verdict AgainstData(
        SequenceDefinition sequence, SequenceState state, ColumnExtremes columns, RepairPolicy policy, bool applicationAllocates, Lattice? lattice)
    {
        var next = NextValue(sequence, state);
        if (next is not { } nextValue)
        {
            return Verdict.Unrepairable(Finding.Exhausted, Phrases.Exhausted(Limit(sequence), LimitValue(sequence), WidenRemedy(sequence, lattice)));
        }

        if (columns.Extreme is not { } extreme)
        {
            var rewind = policy.AllowRewind && nextValue != sequence.Start && !sequence.Cycle
                ? Move(sequence, sequence.Start)
                : (SequenceMove?)null;
            return Verdict.InSync(Finding.Empty, lattice is null ? Phrases.Empty(nextValue) : Phrases.LatticeEmpty(nextValue), nextValue, rewind);
        }

        if (sequence.Cycle)
        {
            return DiagnoseCycle(sequence, nextValue, extreme, columns.NextValueTaken == true);
        }

        var edge = lattice is null ? Phrases.Edge(sequence.Descending) : Phrases.LatticeEdge();
        var behind = sequence.Descending ? nextValue >= extreme : nextValue <= extreme;
        var required = (Int128)extreme + sequence.Increment;
        var blockShort = applicationAllocates && !behind && (sequence.Descending ? nextValue > required : nextValue < required);
        var goal = (Int128)extreme + ((Int128)sequence.Increment * (1 + (Int128)policy.Margin));
        if (!behind && !blockShort)
        {
            var ahead = sequence.Descending ? nextValue < goal : nextValue > goal;
            var rewind = policy.AllowRewind && ahead ? Move(sequence, Clamp(sequence, goal)) : (SequenceMove?)null;
            return Verdict.InSync(Finding.InSync, Phrases.InSync(sequence.Descending, nextValue, edge, extreme), nextValue, rewind);
        }

        var behindBy = (long)Int128.Abs(required - nextValue);
        if (goal > sequence.MaxValue || goal < sequence.MinValue)
        {
            var noRoom = policy.Margin > 0
                ? Phrases.NoRoomForMargin(edge, extreme, policy.Margin, Limit(sequence), LimitValue(sequence), WidenRemedy(sequence, lattice))
                : Phrases.NoRoom(edge, extreme, Limit(sequence), LimitValue(sequence), WidenRemedy(sequence, lattice));
            return Verdict.Unrepairable(Finding.NoRoom, noRoom, nextValue, behindBy, columns.NextValueTaken == true);
        }

        var reason = columns.NextValueTaken switch
        {
            _ when blockShort => Phrases.BehindBlock(nextValue, edge, extreme, sequence.Increment, (long)required, behindBy),
            true => Phrases.BehindCollides(nextValue, edge, extreme, behindBy),
            false => Phrases.BehindLater(nextValue, edge, extreme, behindBy),
            null => Phrases.Behind(nextValue, edge, extreme, behindBy),
        };
        return Verdict.Drift(Finding.Behind, reason, nextValue, behindBy, columns.NextValueTaken == true, Move(sequence, (long)goal));
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
        var edge = Phrases.Edge(sequence.Descending);
        if (nextValueTaken)
        {
            return Verdict.Drift(
                Finding.CycleCollision, Phrases.CycleCollision(nextValue), nextValue, behindBy: null, nextInsertCollides: true, move: null);
        }

        var wrapped = sequence.Descending ? nextValue >= extreme : nextValue <= extreme;
        return wrapped
            ? Verdict.InSync(Finding.CycleWrapped, Phrases.CycleWrapped(edge, extreme, nextValue), nextValue)
            : Verdict.InSync(Finding.InSync, Phrases.InSync(sequence.Descending, nextValue, edge, extreme), nextValue);
    }

    private static long Clamp(SequenceDefinition sequence, Int128 value) =>
        (long)Int128.Clamp(value, sequence.MinValue, sequence.MaxValue);

    private static string Limit(SequenceDefinition sequence) => sequence.Descending ? "MINVALUE" : "MAXVALUE";

    private static long LimitValue(SequenceDefinition sequence) => sequence.Descending ? sequence.MinValue : sequence.MaxValue;

    // A writer of several whose own range is used up must not be widened into the next writer's range.
    private static Phrase WidenRemedy(SequenceDefinition sequence, Lattice? lattice)
    {
        if (lattice is not null && LatticeRule.SharesKeySpace(sequence, lattice))
        {
            return Phrases.LatticeUsedUp(lattice.Residue, lattice.Modulus, lattice.MinValue, lattice.MaxValue);
        }

        var bound = sequence.Descending ? "NO MINVALUE" : "NO MAXVALUE";
        var typeLimit = sequence.Descending ? long.MinValue : long.MaxValue;
        return sequence.DataType != "bigint"
            ? Phrases.WidenType(sequence.Name, bound)
            : LimitValue(sequence) != typeLimit
                ? Phrases.RaiseLimit(sequence.Name, bound)
                : Phrases.RangeUsedUp();
    }
}
