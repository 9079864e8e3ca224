namespace PgSeq;

/// <summary>What <c>fix</c> did, or would do in a dry run, to one sequence.</summary>
/// <param name="PreviousNextValue">The value <c>nextval()</c> returned before the repair, read under the repair's locks.</param>
/// <param name="NextValue">The value <c>nextval()</c> returns after the repair.</param>
/// <param name="Applied">False in a dry run, or when the sequence turned out to be in sync once locked.</param>
/// <param name="Script">The SQL that performs the repair: one transaction that psql can run as it is.</param>
public sealed record RepairOutcome(long? PreviousNextValue, long? NextValue, bool Applied, string Script)
{
    /// <summary>How long the repair's transaction held its locks (zero in a dry run).</summary>
    public TimeSpan LockHeld { get; init; }
}
