using System.Net.Sockets;
using Npgsql;
using PgSeq.Cli.Connection;
using PgSeq.Cli.Localization;

namespace PgSeq.Cli.Output;

/// <summary>
/// Turns a failure into the one line pgseq prints: what failed, on which object, and what to do. The password is
/// never part of it.
/// </summary>
internal static class ErrorMessages
{
    public static string Describe(Exception error, ConnectionTarget? target, Texts texts)
    {
        var where = target?.Description ?? "?";
        var line = error switch
        {
            InputException settings => settings.Explain(texts),
            PgSeqException { Phrase: { } phrase } => texts.Say(phrase),
            InvalidPatternException pattern => texts.Say(pattern.Phrase),
            PgSeqException => error.Message,
            PostgresException postgres => Server(postgres, target, where, texts),
            NpgsqlException { InnerException: SocketException socket } => Socket(socket, target, where, texts),
            NpgsqlException { InnerException: TimeoutException } => texts["Error_Timeout", where],
            NpgsqlException npgsql when npgsql.Message.StartsWith("SSL connection requested", StringComparison.Ordinal) => texts["Error_Ssl", where],
            NpgsqlException npgsql when npgsql.Message.StartsWith("No password has been provided", StringComparison.Ordinal) =>
                texts["Error_NoPassword", where, target?.Settings.Username ?? "?"],
            NpgsqlException npgsql when NotPostgres(npgsql) => texts["Error_NotPostgres", where, npgsql.Message.TrimEnd('.')],
            NpgsqlException { InnerException: IOException or EndOfStreamException } or NpgsqlException { IsTransient: true } =>
                texts["Error_LostConnection", where, Root(error).Message.TrimEnd('.')],
            NpgsqlException npgsql => texts["Error_Npgsql", npgsql.Message.TrimEnd('.'), where],
            _ => texts["Error_Unexpected", error.Message.TrimEnd('.')],
        };
        return Scrub(line, target?.Password);
    }

    /// <summary>A target's error line among several targets: prefixed with the target, unless it names it already
    /// (a connection error does: "could not connect to app@db:5432/app").</summary>
    public static string NamingTarget(string error, string label, Texts texts) =>
        error.Contains(label, StringComparison.Ordinal) ? error : texts["TargetError", label, error];

    private static string Server(PostgresException error, ConnectionTarget? target, string where, Texts texts) => error.SqlState switch
    {
        PostgresErrorCodes.InvalidPassword => texts["Error_InvalidPassword", target?.Settings.Username ?? "?", where],
        PostgresErrorCodes.InvalidAuthorizationSpecification => texts["Error_Authorization", error.MessageText, where],
        PostgresErrorCodes.InvalidCatalogName => texts["Error_NoDatabase", target?.Settings.Database ?? "?", where],
        PostgresErrorCodes.TooManyConnections => texts["Error_TooManyConnections", where, error.MessageText],
        PostgresErrorCodes.CannotConnectNow => texts["Error_CannotConnectNow", where, error.MessageText],
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown => texts["Error_Shutdown", where, error.MessageText],
        PostgresErrorCodes.QueryCanceled => texts["Error_StatementTimeout", where],
        _ => texts["Error_Server", error.MessageText, error.SqlState, where],
    };

    private static string Socket(SocketException error, ConnectionTarget? target, string where, Texts texts) => error.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => texts["Error_Refused", where],
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => texts["Error_UnknownHost", target?.Settings.Host ?? "?"],
        SocketError.TimedOut => texts["Error_Timeout", where],
        SocketError.AddressNotAvailable or SocketError.NetworkUnreachable or SocketError.HostUnreachable =>
            texts["Error_Unreachable", where, error.Message.TrimEnd('.')],
        _ => texts["Error_Connect", where, error.Message.TrimEnd('.')],
    };

    // Npgsql's words when the other end answers the start of the protocol with something else (an HTTP server, SSH).
    private static bool NotPostgres(NpgsqlException error) =>
        error.Message.Contains("for SSLRequest", StringComparison.Ordinal) || error.Message.Contains("for GSSEncRequest", StringComparison.Ordinal)
        || error.Message.StartsWith("Unknown message code", StringComparison.Ordinal);

    private static Exception Root(Exception error) => error.InnerException is null ? error : Root(error.InnerException);

    // Defence in depth: should any message ever echo the password, it does not reach the terminal or a log.
    private static string Scrub(string line, string? password) =>
        string.IsNullOrEmpty(password) || password.Length < 3 ? line : line.Replace(password, "********", StringComparison.Ordinal);
}
