namespace PgSeq.Cli.Commands;

/// <summary>Everything a check or fix run was asked to do, read from the command line.</summary>
/// <param name="Connection">The CONNECTION argument, or null for the environment.</param>
/// <param name="Scope">Scope and timeouts; a <see cref="FixOptions"/> for fix.</param>
/// <param name="Json">Print the JSON document instead of the table.</param>
/// <param name="Sql">fix only: print the repair script instead of running it.</param>
/// <param name="Verbose">Print details and, for errors, the stack trace.</param>
internal sealed record RunSettings(string? Connection, CheckOptions Scope, bool Json, bool Sql, bool Verbose)
{
    /// <summary>check only: exit 2 on a capacity warning too.</summary>
    public bool FailOnWarning { get; init; }
}
