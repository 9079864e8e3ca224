using PgSeq.Diagnosis;

namespace PgSeq.Cutover;

/// <summary>How the target's sequences compare with the source's, counted as the target's reports pass.</summary>
/// <param name="source">The source database of the migration.</param>
internal sealed class CutoverTally(MigrationSource source)
{
    private readonly HashSet<string> _targetNames = new(StringComparer.Ordinal);
    private readonly List<DefinitionDifference> _differences = [];
    private int _behind;

    /// <summary>Counts one target sequence.</summary>
    public void Add(SequenceReport target)
    {
        _targetNames.Add(target.Sequence.Name);
        if (source.Sequences.TryGetValue(target.Sequence.Name, out var counterpart)
            && (counterpart.Definition.DataType != target.Sequence.DataType || counterpart.Definition.Increment != target.Sequence.Increment))
        {
            _differences.Add(new DefinitionDifference
            {
                Sequence = target.Sequence.Name,
                SourceType = counterpart.Definition.DataType,
                TargetType = target.Sequence.DataType,
                SourceIncrement = counterpart.Definition.Increment,
                TargetIncrement = target.Sequence.Increment,
            });
        }

        // A source that is another writer (another class or range of one key space) is not one to catch up with.
        var anotherWriter = counterpart is not null && target.Lattice is { } lattice && target.SourceNextValue is { } sourceNext
                            && LatticeRule.AnotherWriter(lattice, counterpart.Definition, sourceNext);
        if (!anotherWriter && target.SourceNextValue is { } next && target.NextValue is { } own
            && (target.Sequence.Descending ? own > next : own < next))
        {
            _behind++;
        }
    }

    /// <summary>The comparison of what was counted; null without a source.</summary>
    public CutoverComparison? Comparison => source.Database is not { } database ? null : new CutoverComparison
    {
        SourceDatabase = database,
        MissingOnTarget = [.. source.Sequences.Keys.Where(name => !_targetNames.Contains(name)).Order(StringComparer.Ordinal)],
        MissingOnSource = [.. _targetNames.Where(name => !source.Sequences.ContainsKey(name)).Order(StringComparer.Ordinal)],
        DefinitionDifferences = [.. _differences],
        Behind = _behind,
    };
}
