namespace PgSeq.Cli.Commands;

/// <summary><c>pgseq repair-block</c> as the command line asked for it.</summary>
/// <param name="Options">Scope, explicit links and margin, without the --links file's links.</param>
/// <param name="LinksFile">More explicit links, one per line (--links).</param>
internal sealed record RepairBlockRequest(FixOptions Options, string? LinksFile);
