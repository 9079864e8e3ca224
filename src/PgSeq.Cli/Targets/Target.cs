using PgSeq.Cli.Connection;

namespace PgSeq.Cli.Targets;

/// <summary>One database to work on, or why it could not even be described.</summary>
/// <param name="Label">How messages name it: user@host:port/database, or #N when it could not be resolved (the text may hold a password).</param>
/// <param name="Connection">The resolved connection; null when resolving failed.</param>
/// <param name="Failure">Why the target is unusable; null when it is fine.</param>
internal sealed record Target(string Label, ConnectionTarget? Connection, Exception? Failure);
