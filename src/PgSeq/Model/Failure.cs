namespace PgSeq;

/// <summary>Why one sequence could not be examined or repaired: the status it gets, the finding, and the reason with
/// its remedy. A failure concerns that sequence alone, never the run.</summary>
/// <param name="Status">Error or Busy (or Unlinked/Skipped for a sequence with nothing to measure).</param>
/// <param name="Finding">The specific reason.</param>
/// <param name="Reason">The sentence that explains it.</param>
internal sealed record Failure(SequenceStatus Status, Finding Finding, Phrase Reason)
{
    /// <summary>The connected role lacks a privilege pgseq needs.</summary>
    public static Failure PermissionDenied(Phrase reason) => new(SequenceStatus.Error, Finding.PermissionDenied, reason);
}
