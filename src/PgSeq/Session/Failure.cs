using Npgsql;

namespace PgSeq.Session;

/// <summary>Why one sequence could not be examined or repaired: the status it gets, the finding, and the reason with
/// its remedy. A failure concerns that sequence alone, never the run.</summary>
/// <param name="Status">Error or Busy (or Unlinked/Skipped for a sequence with nothing to measure).</param>
/// <param name="Finding">The specific reason.</param>
/// <param name="Reason">The sentence that explains it.</param>
internal sealed record Failure(SequenceStatus Status, Finding Finding, Phrase Reason)
{
    /// <summary>Classifies <paramref name="error"/>, raised while working on <paramref name="subject"/>.</summary>
    public static Failure FromServerError(PostgresException error, Phrase subject, CheckOptions options) => error.SqlState switch
    {
        // With row_security off, a table whose policies apply to the role refuses the query.
        PostgresErrorCodes.InsufficientPrivilege when error.MessageText.Contains("row-level security", StringComparison.Ordinal) =>
            new(SequenceStatus.Error, Finding.RowSecurity, Phrases.RowSecurityRefused(error.MessageText, subject)),
        PostgresErrorCodes.FeatureNotSupported when error.MessageText.Contains("during recovery", StringComparison.Ordinal) =>
            new(SequenceStatus.Skipped, Finding.StandbyUnlogged, Phrases.StandbyUnlogged(subject)),
        PostgresErrorCodes.LockNotAvailable => new(SequenceStatus.Busy, Finding.LockTimeout,
            Phrases.LockTimeout(subject, Durations.Format(options.LockTimeout))),
        PostgresErrorCodes.DeadlockDetected => new(SequenceStatus.Busy, Finding.LockTimeout, Phrases.Deadlock(subject)),
        PostgresErrorCodes.QueryCanceled => new(SequenceStatus.Error, Finding.StatementTimeout,
            Phrases.StatementTimeout(subject, Durations.Format(options.StatementTimeout))),
        PostgresErrorCodes.InsufficientPrivilege => new(SequenceStatus.Error, Finding.PermissionDenied,
            Phrases.PermissionDenied(error.MessageText, subject)),
        _ => new(SequenceStatus.Error, Finding.QueryFailed, Phrases.QueryFailed(error.MessageText, error.SqlState, subject)),
    };

    /// <summary>The connected role lacks a privilege pgseq needs.</summary>
    public static Failure PermissionDenied(Phrase reason) => new(SequenceStatus.Error, Finding.PermissionDenied, reason);
}
