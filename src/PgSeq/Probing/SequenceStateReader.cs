using Npgsql;
using PgSeq.Catalog;

namespace PgSeq.Probing;

/// <summary>
/// Reads <c>last_value</c> and <c>is_called</c> from each sequence relation itself: <c>pg_sequences.last_value</c> is
/// NULL for a sequence that was never called and hides <c>is_called</c>, which decides what nextval() returns next.
/// </summary>
internal static class SequenceStateReader
{
    /// <summary>Reads the state of every sequence, in as few statements as <see cref="ChunkedQuery"/> allows.</summary>
    public static Task<ProbeResult<SequenceState>[]> ReadAsync(
        NpgsqlConnection connection,
        bool inTransaction,
        IReadOnlyList<CatalogSequence> sequences,
        CheckOptions options,
        Action<int>? advanced,
        CancellationToken cancellationToken) =>
        ChunkedQuery.RunAsync(
            connection,
            inTransaction,
            sequences,
            (sequence, row, _) => $"SELECT {row}, {ProbeSql.State(sequence.Name)}",
            reader => new SequenceState(reader.GetInt64(1), reader.GetBoolean(2)),
            (sequence, error) => ServerErrors.Classify(error, Phrases.SequenceSubject(sequence.Name), options),
            options.StatementTimeout,
            advanced,
            cancellationToken);
}
