namespace PgSeq;

/// <summary>
/// The specific reason behind a <see cref="SequenceStatus"/>, stable across releases so that callers (and translations)
/// can rely on it; <see cref="SequenceReport.Reason"/> carries the English sentence.
/// </summary>
public enum Finding
{
    /// <summary>The next value is above every value in the linked columns.</summary>
    InSync,

    /// <summary>The linked columns hold no rows.</summary>
    Empty,

    /// <summary>The next value (or a later one) already exists in a linked column.</summary>
    Behind,

    /// <summary>After a migration: the sequence hands out values below (above, when descending) those its counterpart
    /// in the source database hands out next.</summary>
    BehindSource,

    /// <summary>A CYCLE sequence whose next value is already taken: its values have wrapped around.</summary>
    CycleCollision,

    /// <summary>A CYCLE sequence below the column maximum whose next value is free: it has wrapped around, which CYCLE allows.</summary>
    CycleWrapped,

    /// <summary>The sequence has reached its MAXVALUE (MINVALUE when descending); <c>nextval()</c> fails.</summary>
    Exhausted,

    /// <summary>The data reaches the sequence's MAXVALUE (MINVALUE when descending): moving the sequence cannot help.</summary>
    NoRoom,

    /// <summary>The sequence feeds no column pgseq can see.</summary>
    NoColumn,

    /// <summary>No linked column can be measured.</summary>
    NotMeasurable,

    /// <summary>The connected role lacks a privilege pgseq needs for this sequence or one of its tables.</summary>
    PermissionDenied,

    /// <summary>A query on this sequence's tables exceeded the statement timeout.</summary>
    StatementTimeout,

    /// <summary>A lock could not be taken within the lock timeout.</summary>
    LockTimeout,

    /// <summary>A query failed for another reason; the message is PostgreSQL's.</summary>
    QueryFailed,

    /// <summary>The sequence has used a share of its range at or above the warning threshold.</summary>
    CapacityWarning,

    /// <summary>The sequence has used a share of its range at or above the critical threshold.</summary>
    CapacityCritical,

    /// <summary>The sequence was moved past the data by this run.</summary>
    Repaired,

    /// <summary>The sequence was lowered to just past the data (only with <see cref="FixOptions.AllowRewind"/>).</summary>
    Rewound,

    /// <summary>The sequence's name fits more than one column by the naming rules, so it is linked to none.</summary>
    AmbiguousName,

    /// <summary>Row level security hides rows of a linked table from the connected role, so MAX would be wrong.</summary>
    RowSecurity,

    /// <summary>On a hot standby: the sequence or a linked table is UNLOGGED, and a standby keeps no data for it.</summary>
    StandbyUnlogged,

    /// <summary>No linked column can be measured, but one holds numbers (a numeric with a fraction, floating point)
    /// that the sequence's next value does not clear: were it an integer column, the sequence would be in drift.</summary>
    WouldCollide,
}
