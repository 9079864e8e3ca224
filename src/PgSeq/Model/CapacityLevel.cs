namespace PgSeq;

/// <summary>How close a sequence is to the end of its range.</summary>
public enum CapacityLevel
{
    /// <summary>Below the warning threshold.</summary>
    Ok,

    /// <summary>At or above <see cref="CheckOptions.CapacityWarning"/>.</summary>
    Warning,

    /// <summary>At or above <see cref="CheckOptions.CapacityCritical"/>.</summary>
    Critical,

    /// <summary>A CYCLE sequence whose limit is its own: it wraps around by design rather than failing.</summary>
    Cycles,
}
