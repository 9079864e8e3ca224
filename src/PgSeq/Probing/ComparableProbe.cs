using Npgsql;
using PgSeq.Catalog;

namespace PgSeq.Probing;

/// <summary>
/// For sequences whose columns cannot be measured but hold numbers (numeric with a fraction, floating point): whether
/// the data reaches the sequence's next value, as it would be drift were the column an integer one. pgseq never
/// repairs such a sequence; it only says so.
/// </summary>
internal static class ComparableProbe
{
    /// <summary>Per sequence, whether any of its comparable columns holds a value at or past its next value; a probe
    /// that fails leaves it unknown (false), since the sequence is reported skipped either way.</summary>
    public static async Task<bool[]> ReadAsync(
        NpgsqlConnection connection, bool inTransaction, IReadOnlyList<(
            CatalogSequence Sequence, long NextValue)> sequences, CheckOptions options, CancellationToken cancellationToken)
    {
        var probes = sequences
            .SelectMany((s, index) => s.Sequence.ComparableColumns.Select(column => (Index: index, s.Sequence, Column: column, s.NextValue)))
            .ToList();
        var reached = await ChunkedQuery.RunAsync(
            connection,
            inTransaction,
            probes,
            (probe, row, parameters) => probe.Sequence.Definition.Descending
                ? $"SELECT {row}, COALESCE(pg_catalog.min({probe.Column.ColumnIdentifier}) <= {parameters.AddBigint(probe.NextValue)}, false) "
                  + $"FROM {probe.Column.Table}"
                : $"SELECT {row}, COALESCE(pg_catalog.max({probe.Column.ColumnIdentifier}) >= {parameters.AddBigint(probe.NextValue)}, false) "
                  + $"FROM {probe.Column.Table}",
            reader => reader.GetBoolean(1),
            (probe, error) => ServerErrors.Classify(error, Phrases.ColumnSubject(probe.Column.QualifiedName), options),
            options.StatementTimeout,
            null,
            cancellationToken).ConfigureAwait(false);

        var results = new bool[sequences.Count];
        for (var i = 0; i < probes.Count; i++)
        {
            results[probes[i].Index] |= reached[i].Failure is null && reached[i].Value;
        }

        return results;
    }
}
