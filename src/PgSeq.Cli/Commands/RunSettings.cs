using PgSeq.Cli.Output;

namespace PgSeq.Cli.Commands;

/// <summary>Where a check or fix runs and how it reports, read from the command line; what it examines is its options.</summary>
internal sealed record RunSettings
{
    /// <summary>The CONNECTION arguments; none means the environment (DATABASE_URL, PG*).</summary>
    public required IReadOnlyList<string> Connections { get; init; }

    /// <summary>A file with more connections, one per line.</summary>
    public string? TargetsFile { get; init; }

    /// <summary>Expand each target into every database of its server that allows connections.</summary>
    public bool AllDatabases { get; init; }

    public OutputFormat Format { get; init; }

    /// <summary>fix only: print the repair script instead of running it.</summary>
    public bool Sql { get; init; }

    /// <summary>Print details and, for errors, the stack trace.</summary>
    public bool Verbose { get; init; }

    /// <summary>After a migration: the source database's connection (--from).</summary>
    public string? Source { get; init; }

    /// <summary>Print only problems.</summary>
    public bool Quiet { get; init; }

    /// <summary>More explicit links, one per line (--links).</summary>
    public string? LinksFile { get; init; }

    /// <summary>Append one line per event to this file.</summary>
    public string? LogFile { get; init; }

    /// <summary>--format prometheus and serve: which sequences get series of their own.</summary>
    public SeriesSelection Series { get; init; } = SeriesSelection.Default;

    /// <summary>check only: exit 2 on a capacity warning too.</summary>
    public bool FailOnWarning { get; init; }
}
