using PgSeq.Diagnosis;

namespace PgSeq.Cutover;

/// <summary>The source database of a migration, read once before the target; empty when there is none.</summary>
/// <param name="Database">The source database's name; null without a source.</param>
/// <param name="Sequences">Its sequences by schema-qualified name.</param>
internal sealed record MigrationSource(string? Database, IReadOnlyDictionary<string, SourceSequence> Sequences)
{
    /// <summary>Each readable source sequence and its next value, by name: what the target sequence of the same name must
    /// reach, unless the source is another writer (<see cref="LatticeRule.Floor"/>).</summary>
    public Dictionary<string, SourcePosition> Positions { get; } = Sequences
        .Where(p => p.Value.NextValue is not null)
        .ToDictionary(p => p.Key, p => new SourcePosition(p.Value.Definition, p.Value.NextValue!.Value), StringComparer.Ordinal);

    /// <summary>Reads <see cref="CheckOptions.CutoverSource"/>, if any.</summary>
    public static async Task<MigrationSource> ReadAsync(CheckOptions options, CancellationToken cancellationToken)
    {
        if (options.CutoverSource is not { } dataSource)
        {
            return new MigrationSource(null, new Dictionary<string, SourceSequence>());
        }

        var (database, sequences) = await SourceReader.ReadAsync(dataSource, options, cancellationToken).ConfigureAwait(false);
        return new MigrationSource(database, sequences);
    }
}
