namespace PgSeq.Cli.Targets;

/// <summary>How the run of one target ended, which decides how its report speaks of the sequences it did not read.</summary>
internal enum RunEnding
{
    /// <summary>Every sequence in scope was read.</summary>
    Completed,

    /// <summary>Ctrl-C or SIGTERM stopped the reading.</summary>
    Interrupted,

    /// <summary>An error (a lost connection) stopped the reading.</summary>
    Failed,
}
