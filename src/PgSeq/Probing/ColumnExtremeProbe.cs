using Npgsql;
using PgSeq.Catalog;

namespace PgSeq.Probing;

/// <summary>
/// Reads MAX (MIN for descending sequences) of every measured column and, separately, whether the value a sequence hands
/// out next is already taken. <c>max(col)</c> on a column with a leading btree index reads one index entry; partitioned
/// and inheritance parents are read without ONLY, so their children are included. For a sequence judged by its
/// lattice, only the values of the lattice count, and the rows ahead outside it are counted.
/// </summary>
internal static class ColumnExtremeProbe
{
    /// <summary>Probes the measured columns of each sequence and folds them into one <see cref="ColumnExtremes"/> per
    /// sequence (whether the next value is taken is left unknown: see <see cref="TakenAsync"/>).</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="inTransaction">Whether the connection is inside the caller's transaction.</param>
    /// <param name="sequences">The sequences with the value each hands out next (null when unknown) and its lattice, if
    /// it is judged by one.</param>
    /// <param name="options">Timeouts, for messages.</param>
    /// <param name="advanced">Told how many columns each step finished.</param>
    /// <param name="cancellationToken">Cancels the probes.</param>
    public static async Task<ProbeResult<ColumnExtremes>[]> ReadAsync(
        NpgsqlConnection connection,
        bool inTransaction,
        IReadOnlyList<(CatalogSequence Sequence, long? NextValue, Lattice? Lattice)> sequences,
        CheckOptions options,
        Action<int>? advanced,
        CancellationToken cancellationToken)
    {
        var probes = sequences
            .SelectMany((s, index) => s.Sequence.MeasuredColumns.Select(column => new Probe(index, s.Sequence, column, s.NextValue, s.Lattice)))
            .ToList();
        var extremes = await ChunkedQuery.RunAsync(
            connection,
            inTransaction,
            probes,
            (probe, row, parameters) => $"SELECT {row}, {Extreme(probe, parameters)}",
            reader => new ColumnExtremes(reader.IsDBNull(1) ? null : reader.GetInt64(1), null)
            {
                OutsideAhead = reader.IsDBNull(2) ? null : reader.GetInt64(2),
            },
            (probe, error) => ColumnFailure(probe.Column, error, options),
            options.StatementTimeout,
            advanced,
            cancellationToken).ConfigureAwait(false);

        var results = new ProbeResult<ColumnExtremes>[sequences.Count];
        for (var i = 0; i < probes.Count; i++)
        {
            var index = probes[i].Index;
            if (results[index].Failure is null)
            {
                results[index] = extremes[i].Failure is { } failure
                    ? ProbeResult<ColumnExtremes>.Failed(failure)
                    : ProbeResult<ColumnExtremes>.Read(Fold(results[index].Value, extremes[i].Value, probes[i].Sequence.Definition.Descending));
            }
        }

        return results;
    }

    /// <summary>Per sequence, whether the value it hands out next already exists in one of its measured columns.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="inTransaction">Whether the connection is inside the caller's transaction.</param>
    /// <param name="sequences">The sequences and the value each hands out next.</param>
    /// <param name="options">Timeouts, for messages.</param>
    /// <param name="cancellationToken">Cancels the probes.</param>
    public static async Task<ProbeResult<bool>[]> TakenAsync(
        NpgsqlConnection connection,
        bool inTransaction,
        IReadOnlyList<(CatalogSequence Sequence, long NextValue)> sequences,
        CheckOptions options,
        CancellationToken cancellationToken)
    {
        var probes = sequences
            .SelectMany((s, index) => s.Sequence.MeasuredColumns.Select(column => new Probe(index, s.Sequence, column, s.NextValue, null)))
            .ToList();
        var taken = await ChunkedQuery.RunAsync(
            connection,
            inTransaction,
            probes,
            (probe, row, parameters) =>
                $"SELECT {row}, EXISTS (SELECT 1 FROM {probe.Column.Table} "
                + $"WHERE {probe.Column.ColumnIdentifier} = {parameters.AddBigint(probe.NextValue)})",
            reader => reader.GetBoolean(1),
            (probe, error) => ColumnFailure(probe.Column, error, options),
            options.StatementTimeout,
            null,
            cancellationToken).ConfigureAwait(false);

        var results = new ProbeResult<bool>[sequences.Count];
        for (var i = 0; i < probes.Count; i++)
        {
            var index = probes[i].Index;
            if (results[index].Failure is null)
            {
                results[index] = taken[i].Failure is { } failure
                    ? ProbeResult<bool>.Failed(failure)
                    : ProbeResult<bool>.Read(results[index].Value || taken[i].Value);
            }
        }

        return results;
    }

    // MAX (MIN) of the column, or for a lattice its last value in use and the rows ahead outside it; the same columns
    // either way, since probes share a UNION ALL.
    private static string Extreme(Probe probe, ChunkedQuery.ParameterList parameters)
    {
        var (column, table) = (probe.Column.ColumnIdentifier, probe.Column.Table);
        var aggregate = ProbeSql.Aggregate(probe.Sequence.Definition.Descending);
        if (probe.Lattice is not { } lattice || probe.NextValue is not { } next)
        {
            return ProbeSql.ColumnExtreme(aggregate, column, table, "NULL::int8");
        }

        var outside = ProbeSql.RowsOutsideAhead(column, table, lattice, parameters.AddBigint(next), probe.Sequence.Definition.Descending);
        return $"(SELECT {ProbeSql.LatticeExtreme(aggregate, column, table, lattice)}), {outside}";
    }

    private static Failure ColumnFailure(CatalogColumn column, PostgresException error, CheckOptions options) =>
        ServerErrors.Classify(error, Phrases.ColumnSubject($"{column.Table}.{column.ColumnIdentifier}"), options);

    // The columns of one sequence, one at a time: the far end of all, and the rows outside the lattice of all.
    private static ColumnExtremes Fold(ColumnExtremes sofar, ColumnExtremes column, bool descending)
    {
        var extreme = (sofar.Extreme, column.Extreme) switch
        {
            (null, var b) => b,
            (var a, null) => a,
            var (a, b) => descending ? Math.Min(a.Value, b.Value) : Math.Max(a.Value, b.Value),
        };
        var outside = column.OutsideAhead is { } rows ? Math.Min(rows, Lattice.RowsOutsideLimit) + (sofar.OutsideAhead ?? 0) : sofar.OutsideAhead;
        return new ColumnExtremes(extreme, null)
        {
            OutsideAhead = outside,
            OutsideCapped = sofar.OutsideCapped || column.OutsideAhead > Lattice.RowsOutsideLimit,
        };
    }

    private sealed record Probe(int Index, CatalogSequence Sequence, CatalogColumn Column, long? NextValue, Lattice? Lattice);
}
