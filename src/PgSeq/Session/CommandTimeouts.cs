namespace PgSeq.Session;

/// <summary>Client-side command timeouts that never fire before the server's own <c>statement_timeout</c>.</summary>
internal static class CommandTimeouts
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Npgsql's CommandTimeout (30 s by default) would cut a legitimately long MAX() with a client-side error; the
    /// server's statement_timeout is the real bound, so the client waits for it plus a grace period that only matters
    /// when the network itself is gone. Zero (no statement timeout) means no client timeout either.
    /// </summary>
    public static int For(TimeSpan statementTimeout) =>
        statementTimeout <= TimeSpan.Zero ? 0 : (int)Math.Min(int.MaxValue, Math.Ceiling((statementTimeout + Grace).TotalSeconds));
}
