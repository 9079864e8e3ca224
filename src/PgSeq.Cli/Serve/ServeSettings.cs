using System.Net;

namespace PgSeq.Cli.Serve;

/// <summary>What only <c>pgseq serve</c> takes: where to listen and how often each target is checked.</summary>
/// <param name="Listen">The address and port of the HTTP server.</param>
/// <param name="Interval">How often each target is checked.</param>
internal sealed record ServeSettings(IPEndPoint Listen, TimeSpan Interval)
{
    /// <summary>Each target every five minutes: drift is made by imports and deploys, not by the second, and a check
    /// costs the database a catalog query and one MAX() per column.</summary>
    public static TimeSpan DefaultInterval { get; } = TimeSpan.FromMinutes(5);
}
