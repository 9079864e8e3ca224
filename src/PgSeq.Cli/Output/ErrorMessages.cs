using System.Net.Sockets;
using Npgsql;
using PgSeq.Cli.Connection;

namespace PgSeq.Cli.Output;

/// <summary>
/// Turns a failure into the one line pgseq prints: what failed, on which object, and what to do. The password is
/// never part of it.
/// </summary>
internal static class ErrorMessages
{
    public static string Describe(Exception error, ConnectionTarget? target)
    {
        var where = target?.Description ?? "the server";
        var line = error switch
        {
            ConnectionSettingsException or PgSeqException => error.Message,
            PostgresException postgres => Server(postgres, target, where),
            NpgsqlException { InnerException: SocketException socket } => Socket(socket, target, where),
            NpgsqlException { InnerException: TimeoutException } => $"timed out connecting to {where}; check the host and port, and that a firewall lets the connection through",
            NpgsqlException npgsql when npgsql.Message.StartsWith("SSL connection requested", StringComparison.Ordinal) =>
                $"{where} does not accept SSL connections but sslmode requires SSL; use sslmode=prefer or disable, or enable ssl on the server",
            NpgsqlException { InnerException: IOException or EndOfStreamException } or NpgsqlException { IsTransient: true } =>
                $"lost the connection to {where}: {Root(error).Message.TrimEnd('.')}; check that the server is up and run pgseq again",
            NpgsqlException npgsql => $"{npgsql.Message.TrimEnd('.')} ({where})",
            _ => $"unexpected error: {error.Message.TrimEnd('.')}; run with --verbose for details",
        };
        return Scrub(line, target?.Password);
    }

    private static string Server(PostgresException error, ConnectionTarget? target, string where) => error.SqlState switch
    {
        PostgresErrorCodes.InvalidPassword =>
            $"password authentication failed for user {target?.Settings.Username} on {where}; check the password (connection string, PGPASSWORD or ~/.pgpass)",
        PostgresErrorCodes.InvalidAuthorizationSpecification =>
            $"{error.MessageText} on {where}; check the user name and the server's pg_hba.conf",
        PostgresErrorCodes.InvalidCatalogName =>
            $"database \"{target?.Settings.Database}\" does not exist on {where}; check the database name (psql -l lists them)",
        PostgresErrorCodes.TooManyConnections =>
            $"{where} refuses new connections: {error.MessageText}; retry when connections are free",
        PostgresErrorCodes.CannotConnectNow =>
            $"{where} is not accepting connections yet ({error.MessageText}); retry in a moment",
        PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown =>
            $"lost the connection to {where}: the server shut down ({error.MessageText}); run pgseq again once it is back",
        PostgresErrorCodes.QueryCanceled =>
            $"a query on {where} exceeded the statement timeout; raise --statement-timeout or check the server's load",
        _ => $"{error.MessageText} (SQLSTATE {error.SqlState}) on {where}",
    };

    private static string Socket(SocketException error, ConnectionTarget? target, string where) => error.SocketErrorCode switch
    {
        SocketError.ConnectionRefused =>
            $"could not connect to {where}: connection refused; is the server running and accepting connections on that port?",
        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData =>
            $"could not resolve host \"{target?.Settings.Host}\"; check the host name",
        SocketError.TimedOut =>
            $"timed out connecting to {where}; check the host and port, and that a firewall lets the connection through",
        SocketError.AddressNotAvailable or SocketError.NetworkUnreachable or SocketError.HostUnreachable =>
            $"cannot reach {where}: {error.Message.TrimEnd('.')}; check the host name and the network",
        _ => $"could not connect to {where}: {error.Message.TrimEnd('.')}",
    };

    private static Exception Root(Exception error) => error.InnerException is null ? error : Root(error.InnerException);

    // Defence in depth: should any message ever echo the password, it does not reach the terminal or a log.
    private static string Scrub(string line, string? password) =>
        string.IsNullOrEmpty(password) || password.Length < 3 ? line : line.Replace(password, "********", StringComparison.Ordinal);
}
