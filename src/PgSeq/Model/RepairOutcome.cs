namespace PgSeq;

/// <summary>What <c>fix</c> did, or would do in a dry run, to one sequence.</summary>
public sealed record RepairOutcome
{
    // The script is rendered when asked for (by --sql or --json), so a fix of 100,000 sequences does not hold
    // 100,000 scripts that nobody prints. Two outcomes are equal when they come from the same plan.
    private readonly Func<string> _script;

    internal RepairOutcome(Func<string> script) => _script = script;

    /// <summary>The value <c>nextval()</c> returned before the repair, read under the repair's locks.</summary>
    public long? PreviousNextValue { get; init; }

    /// <summary>The value <c>nextval()</c> returns after the repair.</summary>
    public long? NextValue { get; init; }

    /// <summary>False in a dry run, or when the sequence turned out to be in sync once locked.</summary>
    public bool Applied { get; init; }

    /// <summary>The SQL that performs the repair: one transaction that psql can run as it is.</summary>
    public string Script => _script();

    /// <summary>How long the repair worked under its locks: re-reading MAX and the sequence and moving it, measured on the
    /// server (zero in a dry run). Its COMMIT, which waits for the WAL flush once per round trip, comes on top.</summary>
    public TimeSpan LockHeld { get; init; }
}
