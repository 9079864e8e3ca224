namespace PgSeq;

/// <summary>How far a run has got in its current phase.</summary>
/// <param name="Phase">The phase.</param>
/// <param name="Done">Items finished in this phase (sequences, columns or repairs).</param>
/// <param name="Total">Items in this phase; 0 while discovering.</param>
public sealed record RunProgress(RunPhase Phase, int Done, int Total);
