namespace PgSeq.Cli.Commands;

/// <summary>Which databases a command works on, as the command line names them.</summary>
/// <param name="Connections">The CONNECTION arguments; none means the environment (DATABASE_URL, PG*).</param>
/// <param name="TargetsFile">A file with more connections, one per line (--targets).</param>
/// <param name="AllDatabases">Expand each target into every database of its server that allows connections.</param>
internal sealed record TargetSelection(IReadOnlyList<string> Connections, string? TargetsFile, bool AllDatabases)
{
    /// <summary>Whether the command line names exactly one database: then its report streams to the output as it runs.</summary>
    public bool Single(int resolved) => resolved == 1 && Connections.Count <= 1 && TargetsFile is null && !AllDatabases;
}
