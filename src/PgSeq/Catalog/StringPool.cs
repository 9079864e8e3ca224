namespace PgSeq.Catalog;

/// <summary>
/// One instance per distinct string while loading the catalog: owners, schemas, types and column names repeat across
/// thousands of rows, and a report of 100,000 sequences should hold each once.
/// </summary>
internal sealed class StringPool
{
    private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);

    /// <summary>The pooled instance equal to <paramref name="value"/>.</summary>
    public string Get(string value)
    {
        if (_strings.TryGetValue(value, out var pooled))
        {
            return pooled;
        }

        _strings.Add(value, value);
        return value;
    }
}
