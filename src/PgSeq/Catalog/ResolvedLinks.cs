namespace PgSeq.Catalog;

/// <summary>Explicit links resolved to OIDs, as parallel arrays for the catalog query.</summary>
/// <param name="Sequences">The sequences' OIDs.</param>
/// <param name="Tables">The tables' OIDs.</param>
/// <param name="Columns">The column numbers.</param>
/// <param name="FromValue">Whether the application uses the ids from the value it gets upwards.</param>
internal sealed record ResolvedLinks(uint[] Sequences, uint[] Tables, short[] Columns, bool[] FromValue)
{
    public static ResolvedLinks None { get; } = new([], [], [], []);
}
