namespace PgSeq;

/// <summary>What pgseq concluded about one sequence and the columns it feeds.</summary>
public enum SequenceStatus
{
    /// <summary>The next <c>nextval()</c> returns a value above every value in the linked columns (or the columns are empty).</summary>
    Ok,

    /// <summary>The next <c>nextval()</c> (or a later one) returns a value that already exists in a linked column.</summary>
    Drift,

    /// <summary>In sync, but the sequence has used more of its range than <see cref="CheckOptions.CapacityWarning"/>.</summary>
    CapacityWarning,

    /// <summary>In sync, but the sequence has used more of its range than <see cref="CheckOptions.CapacityCritical"/>.</summary>
    CapacityCritical,

    /// <summary>The sequence feeds no column pgseq can see; see <see cref="CheckOptions.Links"/>.</summary>
    Unlinked,

    /// <summary>No linked column can be measured (for example a text column whose default is <c>'INV-' || nextval(...)</c>).</summary>
    Skipped,

    /// <summary>The sequence could not be checked or repaired; the reason says why and what to do.</summary>
    Error,

    /// <summary>A lock could not be taken within the lock timeout; the sequence was left unchanged.</summary>
    Busy,
}
