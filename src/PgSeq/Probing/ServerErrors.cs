using Npgsql;
using PgSeq.Session;

namespace PgSeq.Probing;

/// <summary>Turns a server error raised while reading or repairing one sequence into that sequence's
/// <see cref="Failure"/>: the SQLSTATE decides the status and finding, the subject names what was being done.</summary>
internal static class ServerErrors
{
    /// <summary>Classifies <paramref name="error"/>, raised while reading, or with <paramref name="repairing"/> repairing,
    /// <paramref name="subject"/>: only a repair has something to leave unchanged.</summary>
    public static Failure Classify(PostgresException error, Phrase subject, CheckOptions options, bool repairing = false) => error.SqlState switch
    {
        // With row_security off, a table whose policies apply to the role refuses the query.
        PostgresErrorCodes.InsufficientPrivilege when error.MessageText.Contains("row-level security", StringComparison.Ordinal) =>
            new(SequenceStatus.Error, Finding.RowSecurity, Phrases.RowSecurityRefused(error.MessageText, subject)),
        PostgresErrorCodes.FeatureNotSupported when error.MessageText.Contains("during recovery", StringComparison.Ordinal) =>
            new(SequenceStatus.Skipped, Finding.StandbyUnlogged, Phrases.StandbyUnlogged(subject)),
        PostgresErrorCodes.LockNotAvailable => new(SequenceStatus.Busy, Finding.LockTimeout, repairing
            ? Phrases.LockTimeout(subject, Durations.Format(options.LockTimeout))
            : Phrases.LockTimeoutReading(subject, Durations.Format(options.LockTimeout))),
        PostgresErrorCodes.DeadlockDetected => new(
            SequenceStatus.Busy, Finding.LockTimeout, repairing ? Phrases.Deadlock(subject) : Phrases.DeadlockReading(subject)),
        PostgresErrorCodes.QueryCanceled => new(SequenceStatus.Error, Finding.StatementTimeout,
            Phrases.StatementTimeout(subject, Durations.Format(options.StatementTimeout))),
        PostgresErrorCodes.InsufficientPrivilege => new(SequenceStatus.Error, Finding.PermissionDenied,
            Phrases.PermissionDenied(error.MessageText, subject)),
        _ => new(SequenceStatus.Error, Finding.QueryFailed, Phrases.QueryFailed(error.MessageText, error.SqlState, subject)),
    };
}
