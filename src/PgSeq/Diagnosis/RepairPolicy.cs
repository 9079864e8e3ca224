namespace PgSeq.Diagnosis;

/// <summary>How far a repair moves a sequence.</summary>
/// <param name="Margin">Extra values of headroom above the data.</param>
/// <param name="AllowRewind">Whether a sequence ahead of its data may be lowered.</param>
internal readonly record struct RepairPolicy(long Margin, bool AllowRewind)
{
    /// <summary>Move drifted sequences to just past the data; never lower one.</summary>
    public static RepairPolicy Default => new(0, false);
}
