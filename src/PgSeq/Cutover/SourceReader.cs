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
        await using var connection = await source.OpenConnectionAsync(cancellationToken);
        var session = await SessionSetup.PrepareAsync(connection, options, cancellationToken, readOnly: true);
        var catalog = new RelationFilter(options).Apply(await SequenceCatalog.LoadAsync(connection, options, cancellationToken));
        var readable = catalog.Where(s => s.CanRead).ToList();
        var states = await SequenceStateReader.ReadAsync(connection, inTransaction: false, readable, options, null, cancellationToken);
        var positions = readable.Zip(states).ToDictionary(p => p.First.Oid, p => p.Second.Failure is null ? DriftDiagnosis.NextValue(p.First.Definition, p.Second.Value) : null);
        return (session.Database, catalog.ToDictionary(s => s.Name, s => new SourceSequence(s.Definition, positions.GetValueOrDefault(s.Oid)), StringComparer.Ordinal));
    }

    /// <summary>How the target's sequences compare with the source's.</summary>
    public static CutoverComparison Compare(string sourceDatabase, IReadOnlyDictionary<string, SourceSequence> source, IReadOnlyList<SequenceReport> target)
    {
        var targetNames = target.Select(s => s.Sequence.Name).ToHashSet(StringComparer.Ordinal);
        var differences = target
            .Where(t => source.TryGetValue(t.Sequence.Name, out var s)
                        && (s.Definition.DataType != t.Sequence.DataType || s.Definition.Increment != t.Sequence.Increment))
            .Select(t => (Target: t.Sequence, Source: source[t.Sequence.Name].Definition))
            .Select(p => new DefinitionDifference
            {
                Sequence = p.Target.Name,
                SourceType = p.Source.DataType,
                TargetType = p.Target.DataType,
                SourceIncrement = p.Source.Increment,
                TargetIncrement = p.Target.Increment,
            })
            .ToList();
        return new CutoverComparison
        {
            SourceDatabase = sourceDatabase,
            MissingOnTarget = [.. source.Keys.Where(name => !targetNames.Contains(name)).Order(StringComparer.Ordinal)],
            MissingOnSource = [.. targetNames.Where(name => !source.ContainsKey(name)).Order(StringComparer.Ordinal)],
            DefinitionDifferences = differences,
            Behind = target.Count(t => t.SourceNextValue is { } next && t.NextValue is { } own && (t.Sequence.Descending ? own > next : own < next)),
        };
    }
}
