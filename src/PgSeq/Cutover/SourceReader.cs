using Npgsql;
using PgSeq.Catalog;
using PgSeq.Diagnosis;
using PgSeq.Probing;
using PgSeq.Session;

namespace PgSeq.Cutover;

/// <summary>Reads the source database of a migration: every sequence in scope and its position. Only reads.</summary>
internal static class SourceReader
{
    /// <summary>The source's database name and its sequences by schema-qualified name.</summary>
    public static async Task<(string Database, IReadOnlyDictionary<string, SourceSequence> Sequences)> ReadAsync(
        NpgsqlDataSource source, CheckOptions options, CancellationToken cancellationToken)
    {
        var connection = await source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var connectionScope = connection.ConfigureAwait(false);
        var session = await SessionSetup.PrepareAsync(connection, options, cancellationToken, readOnly: true).ConfigureAwait(false);
        var filter = new RelationFilter(options);
        var sequences = new Dictionary<string, SourceSequence>(StringComparer.Ordinal);
        await foreach (var window in SequenceCatalog.ReadAsync(connection, options, null, cancellationToken).ConfigureAwait(false))
        {
            var catalog = filter.Apply(window);
            var readable = catalog.Where(s => s.CanRead).ToList();
            var states = await SequenceStateReader.ReadAsync(
                connection, inTransaction: false, readable, options, null, cancellationToken).ConfigureAwait(false);
            var positions = readable.Zip(states).ToDictionary(
                p => p.First.Oid, p => p.Second.Failure is null ? DriftDiagnosis.NextValue(p.First.Definition, p.Second.Value) : null);
            foreach (var sequence in catalog)
            {
                sequences.Add(sequence.Name, new SourceSequence(sequence.Definition, positions.GetValueOrDefault(sequence.Oid)));
            }
        }

        return (session.Database, sequences);
    }
}
