using System.Net;
using PgSeq.Cli.Commands;
using PgSeq.Cli.Output;

namespace PgSeq.Cli.Serve;

/// <summary><c>pgseq serve</c> as the command line asked for it, bound once from the arguments.</summary>
/// <param name="Targets">The databases to watch.</param>
/// <param name="Options">What each check examines, without the --links file's links.</param>
/// <param name="LinksFile">More explicit links, one per line (--links).</param>
/// <param name="Listen">The address and port of the HTTP server.</param>
/// <param name="Interval">How often each target is checked.</param>
/// <param name="Series">Which sequences get series of their own.</param>
/// <param name="LogFile">Also append the log lines to this file.</param>
/// <param name="Verbose">Log the stack trace of a failed check.</param>
internal sealed record ServeRequest(
    TargetSelection Targets,
    CheckOptions Options,
    string? LinksFile,
    IPEndPoint Listen,
    TimeSpan Interval,
    SeriesSelection Series,
    string? LogFile,
    bool Verbose)
{
    /// <summary>Each target every five minutes: drift is made by imports and deploys, not by the second, and a check
    /// costs the database a catalog query and one MAX() per column.</summary>
    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromMinutes(5);
}
