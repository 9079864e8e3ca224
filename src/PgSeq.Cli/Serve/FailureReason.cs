using Npgsql;

namespace PgSeq.Cli.Serve;

/// <summary>
/// The reason label of <c>pgseq_check_failures_total</c>: a fixed, small set, decided from the exception's type and
/// SQLSTATE (never from message text, which varies with versions and languages), so the label cannot grow.
/// </summary>
internal static class FailureReason
{
    public const string Connection = "connection";
    public const string Authentication = "authentication";
    public const string Timeout = "timeout";
    public const string Permission = "permission";
    public const string Incomplete = "incomplete";
    public const string Other = "other";

    /// <summary>Every reason, each exported from the start so that rate() and increase() see the first failure.</summary>
    public static IReadOnlyList<string> All { get; } = [Connection, Authentication, Timeout, Permission, Incomplete, Other];

    public static string Of(Exception error) => error switch
    {
        PostgresException postgres => Server(postgres.SqlState),
        NpgsqlException { InnerException: TimeoutException } or TimeoutException => Timeout,
        NpgsqlException => Connection,
        PgSeqException { InnerException: { } inner } => Of(inner),
        _ => Other,
    };

    private static string Server(string sqlState) => sqlState switch
    {
        PostgresErrorCodes.InvalidPassword or PostgresErrorCodes.InvalidAuthorizationSpecification => Authentication,
        PostgresErrorCodes.InsufficientPrivilege => Permission,
        PostgresErrorCodes.QueryCanceled or PostgresErrorCodes.LockNotAvailable => Timeout,
        PostgresErrorCodes.InvalidCatalogName or PostgresErrorCodes.TooManyConnections or PostgresErrorCodes.CannotConnectNow
            or PostgresErrorCodes.AdminShutdown or PostgresErrorCodes.CrashShutdown => Connection,

        // Class 08: connection exceptions.
        _ when sqlState.StartsWith("08", StringComparison.Ordinal) => Connection,
        _ => Other,
    };
}
