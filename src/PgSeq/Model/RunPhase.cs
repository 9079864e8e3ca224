namespace PgSeq;

/// <summary>What a run is doing, for progress reports.</summary>
public enum RunPhase
{
    /// <summary>Reading the catalog: which sequences feed which columns.</summary>
    Discovering,

    /// <summary>Reading each sequence's state.</summary>
    ReadingSequences,

    /// <summary>Reading MAX/MIN of each linked column.</summary>
    Measuring,

    /// <summary>Repairing drifted sequences.</summary>
    Repairing,
}
