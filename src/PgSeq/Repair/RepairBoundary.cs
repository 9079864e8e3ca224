namespace PgSeq.Repair;

/// <summary>What makes one repair atomic.</summary>
internal enum RepairBoundary
{
    /// <summary>Its own transaction: BEGIN ... COMMIT, locks released at once.</summary>
    Transaction,

    /// <summary>A savepoint inside the caller's transaction: the locks stay until the caller commits.</summary>
    Savepoint,
}
