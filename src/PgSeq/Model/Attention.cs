namespace PgSeq;

/// <summary>
/// How urgently what pgseq found needs someone, decided once in the library so that exit codes, monitoring, health
/// checks and reports agree. Whether everything could be examined is a separate question
/// (<see cref="SequenceReport.Complete"/>, <see cref="DriftReport.Complete"/>).
/// </summary>
public enum Attention
{
    /// <summary>Nothing to do: in sync, repaired, or nothing pgseq can judge.</summary>
    None,

    /// <summary>Plan something: a sequence past the capacity warning.</summary>
    Warning,

    /// <summary>Act now: inserts fail or are about to (drift, critical capacity, sequences missing after a migration).</summary>
    Critical,
}
