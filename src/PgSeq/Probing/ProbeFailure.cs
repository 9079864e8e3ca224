using Npgsql;
using PgSeq.Diagnosis;

namespace PgSeq.Probing;

/// <summary>Turns a server error on one sequence's queries into a verdict for that sequence alone.</summary>
internal static class ProbeFailure
{
    /// <summary>Classifies <paramref name="error"/>, raised while working on <paramref name="subject"/>.</summary>
    public static Verdict Classify(PostgresException error, string subject, CheckOptions options) => error.SqlState switch
    {
        PostgresErrorCodes.LockNotAvailable => Failed(SequenceStatus.Busy, Finding.LockTimeout,
            $"could not lock {subject} within the lock timeout ({Durations.Format(options.LockTimeout)}): another transaction holds a conflicting lock; left unchanged, run again later"),
        PostgresErrorCodes.DeadlockDetected => Failed(SequenceStatus.Busy, Finding.LockTimeout,
            $"deadlock with another transaction on {subject}; left unchanged, run again later"),
        PostgresErrorCodes.QueryCanceled => Failed(SequenceStatus.Error, Finding.StatementTimeout,
            $"reading {subject} took longer than the statement timeout ({Durations.Format(options.StatementTimeout)}); index the column or raise the statement timeout"),
        PostgresErrorCodes.InsufficientPrivilege => Failed(SequenceStatus.Error, Finding.PermissionDenied,
            $"{error.MessageText} (on {subject}); grant the privilege or run as a role that has it"),
        _ => Failed(SequenceStatus.Error, Finding.QueryFailed, $"{error.MessageText} (SQLSTATE {error.SqlState}, on {subject})"),
    };

    /// <summary>A verdict for a sequence that could not be examined.</summary>
    public static Verdict Failed(SequenceStatus status, Finding finding, string reason) =>
        new(status, finding, reason, null, null, false, null);
}
