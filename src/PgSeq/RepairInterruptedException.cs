namespace PgSeq;

/// <summary>
/// <c>fix</c> was cancelled. The sequence being repaired at that moment was rolled back; <see cref="Partial"/> says
/// which sequences were repaired before and which were not reached.
/// </summary>
public sealed class RepairInterruptedException : OperationCanceledException
{
    /// <summary>Creates the exception with the work done so far.</summary>
    public RepairInterruptedException(DriftReport partial, CancellationToken token)
        : base("fix was interrupted; the sequence being repaired was rolled back", token)
    {
        Partial = partial;
    }

    /// <summary>The report as far as the run got: repaired sequences show their new state, the rest their state as checked.</summary>
    public DriftReport Partial { get; }
}
