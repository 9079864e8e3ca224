namespace PgSeq.Cli.Output;

/// <summary>What the Nagios line names of one target's sequences, taken one at a time: the findings and the sequences
/// that could not be examined, and the fullest capacity.</summary>
internal sealed class NagiosFindings
{
    public List<SequenceReport> Drift { get; } = [];

    public List<SequenceReport> CapacityCritical { get; } = [];

    public List<SequenceReport> CapacityWarning { get; } = [];

    public List<SequenceReport> Incomplete { get; } = [];

    /// <summary>The highest share of its range any sequence has used.</summary>
    public double HighestUsedRatio { get; private set; }

    public void Add(SequenceReport sequence)
    {
        var list = sequence.Status switch
        {
            SequenceStatus.Drift => Drift,
            SequenceStatus.CapacityCritical => CapacityCritical,
            SequenceStatus.CapacityWarning => CapacityWarning,
            _ => null,
        };
        list?.Add(sequence);
        if (!sequence.Complete)
        {
            Incomplete.Add(sequence);
        }

        HighestUsedRatio = Math.Max(HighestUsedRatio, sequence.Capacity?.UsedRatio ?? 0);
    }
}
