using Npgsql;
using PgSeq.Diagnosis;

namespace PgSeq.Probing;

/// <summary>Turns a server error on one sequence's queries into a verdict for that sequence alone.</summary>
internal static class ProbeFailure
{
    /// <summary>Classifies <paramref name="error"/>, raised while working on <paramref name="subject"/>.</summary>
    public static Verdict Classify(PostgresException error, Phrase subject, CheckOptions options) => error.SqlState switch
    {
        PostgresErrorCodes.LockNotAvailable => Failed(SequenceStatus.Busy, Finding.LockTimeout,
            Phrases.LockTimeout(subject, Durations.Format(options.LockTimeout))),
        PostgresErrorCodes.DeadlockDetected => Failed(SequenceStatus.Busy, Finding.LockTimeout, Phrases.Deadlock(subject)),
        PostgresErrorCodes.QueryCanceled => Failed(SequenceStatus.Error, Finding.StatementTimeout,
            Phrases.StatementTimeout(subject, Durations.Format(options.StatementTimeout))),
        PostgresErrorCodes.InsufficientPrivilege => Failed(SequenceStatus.Error, Finding.PermissionDenied,
            Phrases.PermissionDenied(error.MessageText, subject)),
        _ => Failed(SequenceStatus.Error, Finding.QueryFailed, Phrases.QueryFailed(error.MessageText, error.SqlState, subject)),
    };

    /// <summary>A verdict for a sequence that could not be examined.</summary>
    public static Verdict Failed(SequenceStatus status, Finding finding, Phrase reason) =>
        new(status, finding, reason, null, null, false, null);
}
