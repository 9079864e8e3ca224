namespace PgSeq.Repair;

/// <summary>The kinds of <see cref="RepairDecision"/>.</summary>
internal enum RepairDecisionKind
{
    /// <summary>Left as it was.</summary>
    Unchanged,

    /// <summary>Refused or failed; rolled back.</summary>
    Failed,

    /// <summary>Planned in a dry run.</summary>
    Planned,

    /// <summary>Repaired: the transaction committed.</summary>
    Repaired,
}
