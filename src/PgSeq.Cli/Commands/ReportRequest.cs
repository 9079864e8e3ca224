using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Commands;

/// <summary>A check or a fix as the command line asked for it, bound once from the arguments.</summary>
/// <param name="Mode">check, fix, or a fix that only plans (--dry-run, --sql).</param>
/// <param name="Targets">The databases to work on.</param>
/// <param name="Output">How to report.</param>
/// <param name="Options">The library's options (<see cref="FixOptions"/> for fix), without the --links file's links.</param>
/// <param name="LinksFile">More explicit links, one per line (--links).</param>
/// <param name="Source">After a migration: the source database's connection (--from).</param>
/// <param name="ExitCodeOf">The exit code of a target whose run ended: the command's own rule.</param>
internal sealed record ReportRequest(
    RunMode Mode,
    TargetSelection Targets,
    ReportOutput Output,
    CheckOptions Options,
    string? LinksFile,
    string? Source,
    Func<ReportOutline, int> ExitCodeOf);
