namespace PgSeq.Cli.Targets;

/// <summary>The databases a command works on, and those --all-databases found but leaves out.</summary>
/// <param name="Targets">The targets in the order given; one that cannot be used stays with its failure.</param>
/// <param name="Skipped">Databases that do not allow connections (<c>datallowconn</c> is false), as
/// user@host:port/database: named, so that a run never passes over one without a word.</param>
internal sealed record ResolvedTargets(IReadOnlyList<Target> Targets, IReadOnlyList<string> Skipped);
