namespace PgSeq;

/// <summary>One sequence, the columns it feeds, and what pgseq found (and, for <c>fix</c>, did).</summary>
public sealed record SequenceReport
{
    internal SequenceReport()
    {
    }

    /// <summary>The sequence's definition.</summary>
    public required SequenceDefinition Sequence { get; init; }

    /// <summary>The columns the sequence feeds. Partitions and inheritance children that share their parent's link are
    /// covered by the parent and not listed.</summary>
    public required IReadOnlyList<LinkedColumn> Columns { get; init; }

    /// <summary>The verdict. For <c>fix</c> it describes the state after the run.</summary>
    public required SequenceStatus Status { get; init; }

    /// <summary>The specific reason behind <see cref="Status"/>.</summary>
    public required Finding Finding { get; init; }

    /// <summary>Why the sequence has its <see cref="Status"/>, with the remedy where one is needed; its
    /// <see cref="Phrase.ToString"/> is the English sentence.</summary>
    public required Phrase Reason { get; init; }

    /// <summary>The sequence's <c>last_value</c>, read from the sequence relation itself.</summary>
    public long? LastValue { get; init; }

    /// <summary>The sequence's <c>is_called</c> flag: when false, the next <c>nextval()</c> returns <see cref="LastValue"/> itself.</summary>
    public bool? IsCalled { get; init; }

    /// <summary>The value the next <c>nextval()</c> returns; null when the sequence is exhausted or could not be read.</summary>
    public long? NextValue { get; init; }

    /// <summary>MAX over the measured columns (MIN for descending sequences), or for a sequence judged by its
    /// <see cref="Lattice"/> the last value of the lattice in use; null when there is none or they were not read.</summary>
    public long? ColumnExtreme { get; init; }

    /// <summary>With <see cref="CheckOptions.CutoverSource"/>: what the source's sequence of the same name hands out next.</summary>
    public long? SourceNextValue { get; init; }

    /// <summary>For drift: how far the sequence lags the data, in values (the distance from its position to <see cref="ColumnExtreme"/>).</summary>
    public long? BehindBy { get; init; }

    /// <summary>True when the value the next <c>nextval()</c> returns already exists, so the very next insert fails.</summary>
    public bool NextInsertCollides { get; init; }

    /// <summary>True when the sequence is in drift and a fix with the same options would move it past the data; false
    /// for drift that needs a hand (a CYCLE sequence whose values wrapped around).</summary>
    public bool Repairable { get; init; }

    /// <summary>The values the sequence can hand out, when it is judged by them rather than by MAX (MIN): one writer of
    /// several sharing the key space, by class (an increment other than 1) or by range (its own MINVALUE/MAXVALUE). Then
    /// <see cref="ColumnExtreme"/> is the last value of the lattice in use, and rows outside it never count as drift.
    /// Null for a sequence judged by MAX.</summary>
    public Lattice? Lattice { get; init; }

    /// <summary>How much of its range the sequence has used; null when its state could not be read.</summary>
    public Capacity? Capacity { get; init; }

    /// <summary>What was done or is proposed, in a few words; null when nothing is needed.</summary>
    public Phrase? Action { get; init; }

    /// <summary>For <c>fix</c>: the repair of this sequence; null when it was not touched.</summary>
    public RepairOutcome? Repair { get; init; }

    /// <summary>How urgently the finding needs someone: drift and critical capacity are critical, a capacity warning is
    /// a warning, anything else (in sync, repaired, unlinked, skipped, or not examined) none.</summary>
    public Attention Attention => Status switch
    {
        SequenceStatus.Drift or SequenceStatus.CapacityCritical => Attention.Critical,
        SequenceStatus.CapacityWarning => Attention.Warning,
        SequenceStatus.Skipped when Finding == Finding.WouldCollide => Attention.Warning,
        _ => Attention.None,
    };

    /// <summary>False when the sequence could not be examined or repaired (<see cref="SequenceStatus.Error"/> or
    /// <see cref="SequenceStatus.Busy"/>): its verdict is not known, which a front end must not report as fine.</summary>
    public bool Complete => Status is not (SequenceStatus.Error or SequenceStatus.Busy);
}
