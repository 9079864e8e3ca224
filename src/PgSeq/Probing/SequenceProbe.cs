using Npgsql;
using PgSeq.Catalog;
using PgSeq.Session;

namespace PgSeq.Probing;

/// <summary>
/// Reads a sequence's state and its measured columns in one statement per column: <c>last_value</c> and
/// <c>is_called</c>, MAX (MIN for a descending sequence), and, where it matters, whether the value handed out next is
/// taken, decided on the server from the state just read. One statement where <see cref="SequenceStateReader"/> and
/// <see cref="ColumnExtremeProbe"/> take two or three, for the sequences that need all of them.
/// </summary>
internal static class SequenceProbe
{
    /// <summary>
    /// Probes each sequence; null for one to read apart with <see cref="SequenceStateReader"/> and
    /// <see cref="ColumnExtremeProbe"/>: a statement of it failed (which part, those say, naming the sequence or the
    /// column), or the sequence moved between the statements of its columns.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="inTransaction">Whether the connection is inside the caller's transaction.</param>
    /// <param name="sequences">Sequences with at least one measured column, readable by the session.</param>
    /// <param name="options">The statement timeout.</param>
    /// <param name="lookUpNextValue">As <see cref="ColumnExtremeProbe.ReadAsync"/>'s.</param>
    /// <param name="advanced">Told how many columns each step finished.</param>
    /// <param name="cancellationToken">Cancels the probes.</param>
    public static async Task<(SequenceState State, ColumnExtremes Extremes)?[]> ReadAsync(
        NpgsqlConnection connection,
        bool inTransaction,
        IReadOnlyList<CatalogSequence> sequences,
        CheckOptions options,
        bool lookUpNextValue,
        Action<int>? advanced,
        CancellationToken cancellationToken)
    {
        var probes = sequences
            .SelectMany((sequence, index) => sequence.MeasuredColumns.Select(column => (Index: index, Sequence: sequence, Column: column)))
            .ToList();
        var rows = await ChunkedQuery.RunAsync(
            connection,
            inTransaction,
            probes,
            (probe, row, _) => Select(probe.Sequence, probe.Column, row, lookUpNextValue),
            reader => (
                State: new SequenceState(reader.GetInt64(1), reader.GetBoolean(2)),
                Extreme: reader.IsDBNull(3) ? (long?)null : reader.GetInt64(3),
                Taken: reader.IsDBNull(4) ? (bool?)null : reader.GetBoolean(4)),
            (probe, error) => Failure.FromServerError(error, Phrases.SequenceSubject(probe.Sequence.Name), options),
            options.StatementTimeout,
            advanced,
            cancellationToken);

        var results = new (SequenceState State, ColumnExtremes Extremes)?[sequences.Count];
        var apart = new bool[sequences.Count];
        for (var i = 0; i < probes.Count; i++)
        {
            var index = probes[i].Index;
            if (apart[index])
            {
                continue;
            }

            if (rows[i].Failure is not null)
            {
                (apart[index], results[index]) = (true, null);
                continue;
            }

            var (state, extreme, taken) = rows[i].Value;
            if (results[index] is { } earlier)
            {
                // Another column of the same sequence: the far end of them all, and taken in any of them, all judged
                // against one state.
                if (earlier.State != state)
                {
                    (apart[index], results[index]) = (true, null);
                    continue;
                }

                extreme = ColumnExtremeProbe.Fold(earlier.Extremes.Extreme, extreme, probes[i].Sequence.Definition.Descending);
                taken = earlier.Extremes.NextValueTaken is { } before ? before || taken == true : taken;
            }

            results[index] = (state, new ColumnExtremes(extreme, taken));
        }

        return results;
    }

    // The next value is judged as ColumnExtremeProbe judges it: looked up when it could be taken (not past this
    // column's far end), and always for CYCLE sequences, which are judged by it alone.
    private static string Select(CatalogSequence sequence, CatalogColumn column, int row, bool lookUpNextValue)
    {
        var definition = sequence.Definition;
        var reaches = definition.Descending ? "n.v >= m.v" : "n.v <= m.v";
        var lookUp = definition.Cycle ? "true" : lookUpNextValue ? reaches : "false";
        return $"""
            SELECT {row}, s.last_value, s.is_called, m.v,
                   CASE WHEN m.v IS NOT NULL AND n.v IS NOT NULL AND {lookUp}
                        THEN EXISTS (SELECT 1 FROM {column.Table} WHERE {column.ColumnIdentifier} = n.v) END
            FROM {sequence.Name} AS s
            CROSS JOIN LATERAL (SELECT {ProbeSql.ColumnExtreme(ProbeSql.Aggregate(definition.Descending), column.ColumnIdentifier, column.Table)}) AS m (v)
            CROSS JOIN LATERAL (SELECT {ProbeSql.NextValueInRange("s.last_value", "s.is_called", definition)}) AS n (v)
            """;
    }
}
