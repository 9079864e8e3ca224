using System.Globalization;
using PgSeq.Catalog;
using PgSeq.Probing;

namespace PgSeq.Diagnosis;

/// <summary>How close a sequence is to the end of its range. Pure, like the drift rules.</summary>
internal static class CapacityAssessment
{
    /// <summary>
    /// The share used counts the sequence's position and the data alike (an import may have used more of the range
    /// than the sequence has), and the limit is the narrower of the sequence's own and the column types': an integer
    /// column fed by a bigint sequence fails at 2,147,483,647.
    /// </summary>
    public static (Capacity Capacity, Phrase Explanation) Assess(
        CatalogSequence sequence, SequenceState state, long? extreme, CapacityThresholds thresholds, Lattice? lattice = null)
    {
        var ranges = sequence.MeasuredColumns.Where(c => c.Range is not null).Select(c => new ColumnRange(c.Table, c.ColumnIdentifier, c.Range!));
        // A writer of several with a range of its own must not be widened into the next writer's range.
        var ownRange = LatticeRule.SharesKeySpace(sequence.Definition, lattice);
        return Assess(sequence.Definition, state, extreme, ranges, thresholds.Warning, thresholds.Critical, ownRange);
    }

    /// <summary>The capacity of <paramref name="sequence"/> at <paramref name="state"/>, given the ranges of its columns.</summary>
    public static (Capacity Capacity, Phrase Explanation) Assess(
        SequenceDefinition sequence,
        SequenceState state,
        long? extreme,
        IEnumerable<ColumnRange> columns,
        double warning,
        double critical,
        bool ownRange = false)
    {
        var descending = sequence.Descending;
        var (limit, limitedBy) = (descending ? sequence.MinValue : sequence.MaxValue, $"{sequence.Name} {(descending ? "MINVALUE" : "MAXVALUE")}");
        var narrow = new List<ColumnRange>();
        foreach (var column in columns)
        {
            var bound = descending ? column.Range.Min : column.Range.Max;
            if (column.Range.Type != "bigint")
            {
                narrow.Add(column);
            }

            if (descending ? bound > limit : bound < limit)
            {
                (limit, limitedBy) = (bound, $"{column.Table}.{column.ColumnIdentifier} {column.Range.Type}");
            }
        }

        // The far end of the range already used, and where the range starts.
        var start = descending ? sequence.MaxValue : sequence.MinValue;
        var position = (Int128)state.LastValue - (state.IsCalled ? 0 : sequence.Increment);
        var used = extreme is { } e ? (descending ? Int128.Min(position, e) : Int128.Max(position, e)) : position;
        var span = Int128.Abs((Int128)limit - start) + 1;
        var taken = Int128.Clamp((descending ? start - used : used - start) + 1, 0, span);
        var ratio = (double)taken / (double)span;
        var remaining = (long)((span - taken) / Int128.Abs(sequence.Increment));
        var percent = (Math.Floor(ratio * 1000) / 10).ToString("0.0", CultureInfo.InvariantCulture);

        if (sequence.Cycle && limitedBy.StartsWith(sequence.Name + " ", StringComparison.Ordinal))
        {
            return (Capacity(limit, limitedBy, ratio, remaining, CapacityLevel.Cycles), Phrases.CapacityCycles(percent, limit));
        }

        var level = ratio >= critical ? CapacityLevel.Critical : ratio >= warning ? CapacityLevel.Warning : CapacityLevel.Ok;
        var remedy = ownRange ? Phrases.OwnRangeEnds(limit) : Remedy(sequence, narrow);
        var explanation = Phrases.CapacityUsed(percent, remaining, limit, limitedBy, remedy);
        return (Capacity(limit, limitedBy, ratio, remaining, level), explanation);
    }

    private static Capacity Capacity(long limit, string limitedBy, double ratio, long remaining, CapacityLevel level) =>
        new() { Limit = limit, LimitedBy = limitedBy, UsedRatio = ratio, Remaining = remaining, Level = level };

    private static Phrase Remedy(SequenceDefinition sequence, List<ColumnRange> narrow)
    {
        var statements = new List<string>();
        var sequenceBound = sequence.Descending ? sequence.MinValue : sequence.MaxValue;
        if (sequence.DataType != "bigint" || sequenceBound != (sequence.Descending ? long.MinValue : long.MaxValue))
        {
            statements.Add($"ALTER SEQUENCE {sequence.Name} AS bigint {(sequence.Descending ? "NO MINVALUE" : "NO MAXVALUE")}");
        }

        statements.AddRange(narrow.Select(c => $"ALTER TABLE {c.Table} ALTER COLUMN {c.ColumnIdentifier} TYPE bigint"));
        return statements.Count > 0 ? Phrases.WidenWith(string.Join("; ", statements)) : Phrases.RangeUsedUp();
    }
}
