using Npgsql;
using PgSeq.Catalog;

namespace PgSeq.Probing;

/// <summary>
/// Reads MAX (MIN for descending sequences) of every measured column, then, where it matters, whether the value the
/// sequence hands out next is already taken. <c>max(col)</c> on a column with a leading btree index reads one index
/// entry; partitioned and inheritance parents are read without ONLY, so their children are included.
/// </summary>
internal static class ColumnExtremeProbe
{
    /// <summary>Probes the measured columns of each sequence and folds them into one <see cref="ColumnExtremes"/> per sequence.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="inTransaction">Whether the connection is inside the caller's transaction.</param>
    /// <param name="sequences">The sequences with the value each hands out next (null when unknown).</param>
    /// <param name="options">Timeouts, for messages.</param>
    /// <param name="lookUpNextValue">Whether to find out if the next value is taken for sequences that are behind
    /// (a repair run does not need to; CYCLE sequences, judged by it alone, are always looked up).</param>
    /// <param name="advanced">Told how many columns each step finished.</param>
    /// <param name="cancellationToken">Cancels the probes.</param>
    public static async Task<ProbeResult<ColumnExtremes>[]> ReadAsync(
        NpgsqlConnection connection,
        bool inTransaction,
        IReadOnlyList<(CatalogSequence Sequence, long? NextValue)> sequences,
        CheckOptions options,
        bool lookUpNextValue,
        Action<int>? advanced,
        CancellationToken cancellationToken)
    {
        var probes = sequences
            .SelectMany((s, index) => s.Sequence.MeasuredColumns.Select(column => (Index: index, s.Sequence, Column: column, s.NextValue)))
            .ToList();
        var extremes = await ChunkedQuery.RunAsync(
            connection,
            inTransaction,
            probes,
            (probe, row, _) =>
                $"SELECT {row}, {ProbeSql.ColumnExtreme(Aggregate(probe.Sequence), probe.Column.ColumnIdentifier, probe.Column.Table)}",
            reader => reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1),
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
                    : ProbeResult<ColumnExtremes>.Read(
                        new ColumnExtremes(Fold(results[index].Value.Extreme, extremes[i].Value, probes[i].Sequence.Definition.Descending), null));
            }
        }

        // The existence check is a second, narrower pass: only sequences whose next value could be taken need it.
        var suspects = probes.Where(p => results[p.Index].Failure is null && Suspect(
            p.Sequence.Definition, p.NextValue, results[p.Index].Value.Extreme, lookUpNextValue)).ToList();
        var taken = await ChunkedQuery.RunAsync(
            connection,
            inTransaction,
            suspects,
            (probe, row, parameters) =>
                $"SELECT {row}, EXISTS (SELECT 1 FROM {probe.Column.Table} "
                + $"WHERE {probe.Column.ColumnIdentifier} = {parameters.AddBigint(probe.NextValue)})",
            reader => reader.GetBoolean(1),
            (probe, error) => ColumnFailure(probe.Column, error, options),
            options.StatementTimeout,
            null,
            cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < suspects.Count; i++)
        {
            var index = suspects[i].Index;
            if (results[index].Failure is not null)
            {
                continue;
            }

            results[index] = taken[i].Failure is { } failure
                ? ProbeResult<ColumnExtremes>.Failed(failure)
                : ProbeResult<ColumnExtremes>.Read(
                    results[index].Value with { NextValueTaken = results[index].Value.NextValueTaken == true || taken[i].Value });
        }

        return results;
    }

    private static string Aggregate(CatalogSequence sequence) => ProbeSql.Aggregate(sequence.Definition.Descending);

    private static bool Suspect(SequenceDefinition definition, long? next, long? extreme, bool lookUpNextValue) =>
        next is not null && extreme is not null
        && (definition.Cycle || (lookUpNextValue && (definition.Descending ? next >= extreme : next <= extreme)));

    private static Failure ColumnFailure(CatalogColumn column, PostgresException error, CheckOptions options) =>
        ServerErrors.Classify(error, Phrases.ColumnSubject($"{column.Table}.{column.ColumnIdentifier}"), options);

    private static long? Fold(long? a, long? b, bool descending) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        var (x, y) => descending ? Math.Min(x.Value, y.Value) : Math.Max(x.Value, y.Value),
    };
}
