namespace PgSeq;

/// <summary>Counts over a <see cref="DriftReport"/>, built as its sequences pass.</summary>
public sealed record DriftSummary
{
    internal DriftSummary()
    {
    }

    /// <summary>Sequences in the report.</summary>
    public int Sequences { get; init; }

    /// <summary>Sequences with status <see cref="SequenceStatus.Ok"/>.</summary>
    public int Ok { get; init; }

    /// <summary>Sequences with status <see cref="SequenceStatus.Drift"/>.</summary>
    public int Drift { get; init; }

    /// <summary>Sequences with status <see cref="SequenceStatus.Skipped"/>.</summary>
    public int Skipped { get; init; }

    /// <summary>Skipped sequences whose numbers the next value does not clear (<see cref="Finding.WouldCollide"/>).</summary>
    public int SkippedCollisions { get; init; }

    /// <summary>Sequences with status <see cref="SequenceStatus.Error"/>.</summary>
    public int Error { get; init; }

    /// <summary>Sequences with status <see cref="SequenceStatus.Busy"/>.</summary>
    public int Busy { get; init; }

    /// <summary>Sequences this run moved.</summary>
    public int Repaired { get; init; }

    /// <summary>Sequences whose very next insert collides.</summary>
    public int Collisions { get; init; }

    /// <summary>Sequences in drift that a fix would move (<see cref="SequenceReport.Repairable"/>).</summary>
    public int Repairable { get; init; }

    /// <summary>Sequences with status <see cref="SequenceStatus.CapacityWarning"/>.</summary>
    public int CapacityWarning { get; init; }

    /// <summary>Sequences with status <see cref="SequenceStatus.CapacityCritical"/>.</summary>
    public int CapacityCritical { get; init; }

    /// <summary>Sequences with status <see cref="SequenceStatus.Unlinked"/>.</summary>
    public int Unlinked { get; init; }

    /// <summary>The most urgent <see cref="SequenceReport.Attention"/> among the sequences.</summary>
    public Attention Attention { get; init; }
}
