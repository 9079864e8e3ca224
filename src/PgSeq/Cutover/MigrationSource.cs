namespace PgSeq.Cutover;

/// <summary>The source database of a migration, read once before the target; empty when there is none.</summary>
/// <param name="Database">The source database's name; null without a source.</param>
/// <param name="Sequences">Its sequences by schema-qualified name.</param>
internal sealed record MigrationSource(string? Database, IReadOnlyDictionary<string, SourceSequence> Sequences)
{
    /// <summary>The next value of each readable source sequence: a floor for the target sequence of the same name.</summary>
    public Dictionary<string, long> Floors { get; } = Sequences
        .Where(p => p.Value.NextValue is not null)
        .ToDictionary(p => p.Key, p => p.Value.NextValue!.Value, StringComparer.Ordinal);

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
