using Npgsql;
using PgSeq.Catalog;
using PgSeq.Diagnosis;

namespace PgSeq.Probing;

/// <summary>
/// Reads MAX (MIN for descending sequences) of every measured column, and whether the value the sequence hands out
/// next is already taken. <c>max(col)</c> on a column with a leading btree index reads one index entry; partitioned and
/// inheritance parents are read without ONLY, so their children are included.
/// </summary>
internal static class ColumnExtremeProbe
{
    /// <summary>Probes the measured columns of each sequence and folds them into one <see cref="ColumnExtremes"/> per sequence.</summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="sequences">The sequences with the value each hands out next (null when unknown).</param>
    /// <param name="options">Timeouts, for messages.</param>
    /// <param name="advanced">Told how many columns each step finished.</param>
    /// <param name="cancellationToken">Cancels the probes.</param>
    public static async Task<(ColumnExtremes Value, Verdict? Failure)[]> ReadAsync(
        NpgsqlConnection connection,
        IReadOnlyList<(CatalogSequence Sequence, long? NextValue)> sequences,
        CheckOptions options,
        Action<int>? advanced,
        CancellationToken cancellationToken)
    {
        var probes = sequences
            .SelectMany((s, index) => s.Sequence.MeasuredColumns.Select(column => (Index: index, s.Sequence, Column: column, s.NextValue)))
            .ToList();
        var read = await ChunkedQuery.RunAsync(
            connection,
            probes,
            (probe, row, parameters) => Select(probe.Sequence, probe.Column, row, parameters.AddBigint(probe.NextValue)),
            reader => (Extreme: reader.IsDBNull(1) ? (long?)null : reader.GetInt64(1), Taken: reader.GetBoolean(2)),
            (probe, error) => ProbeFailure.Classify(error, Phrases.ColumnSubject($"{probe.Column.Table}.{probe.Column.ColumnIdentifier}"), options),
            options.StatementTimeout,
            advanced,
            cancellationToken);

        var results = new (ColumnExtremes Value, Verdict? Failure)[sequences.Count];
        for (var i = 0; i < probes.Count; i++)
        {
            var index = probes[i].Index;
            var descending = probes[i].Sequence.Definition.Descending;
            if (results[index].Failure is not null)
            {
                continue;
            }

            if (read[i].Failure is { } failure)
            {
                results[index] = (default, failure);
                continue;
            }

            var (extreme, taken) = read[i].Value;
            var sofar = results[index].Value;
            results[index] = (new ColumnExtremes(Fold(sofar.Extreme, extreme, descending), sofar.NextValueTaken || taken), null);
        }

        return results;
    }

    private static long? Fold(long? a, long? b, bool descending) => (a, b) switch
    {
        (null, _) => b,
        (_, null) => a,
        var (x, y) => descending ? Math.Min(x.Value, y.Value) : Math.Max(x.Value, y.Value),
    };

    // The existence check only runs when the extreme says the next value could be taken (or, for CYCLE sequences,
    // always), so a healthy sequence costs one index entry per column.
    private static string Select(CatalogSequence sequence, CatalogColumn column, int row, string next)
    {
        var definition = sequence.Definition;
        var aggregate = definition.Descending ? "min" : "max";
        var couldBeTaken = definition.Cycle ? $"{next} IS NOT NULL" : $"m.v {(definition.Descending ? "<=" : ">=")} {next}";
        return $"""
            SELECT {row}, m.v, CASE WHEN {couldBeTaken} THEN EXISTS (SELECT 1 FROM {column.Table} WHERE {column.ColumnIdentifier} = {next}) ELSE false END
            FROM (SELECT pg_catalog.{aggregate}({column.ColumnIdentifier})::int8 FROM {column.Table}) AS m (v)
            """;
    }
}
