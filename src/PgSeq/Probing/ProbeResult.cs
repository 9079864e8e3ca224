namespace PgSeq.Probing;

/// <summary>What one probe read for one item, or why it could not.</summary>
/// <typeparam name="T">What the probe reads.</typeparam>
/// <param name="Value">The value read; default when <paramref name="Failure"/> is set.</param>
/// <param name="Failure">Why the item could not be read; null when it was.</param>
internal readonly record struct ProbeResult<T>(T Value, Failure? Failure)
{
    public static ProbeResult<T> Read(T value) => new(value, null);

    public static ProbeResult<T> Failed(Failure failure) => new(default!, failure);
}
