namespace PgSeq;

/// <summary>Options for <see cref="SequenceDrift.FixAsync(Npgsql.NpgsqlDataSource, FixOptions?, CancellationToken)"/>.</summary>
public sealed record FixOptions : CheckOptions
{
    /// <summary>Repairs every user schema with the default timeouts.</summary>
    public FixOptions()
    {
    }

    /// <summary>Repairs what <paramref name="scope"/> selects, with its timeouts and thresholds.</summary>
    public FixOptions(CheckOptions scope)
        : base(scope)
    {
    }

    /// <summary>Write nothing; report what would change and the SQL that would do it.</summary>
    public bool DryRun { get; init; }

    /// <summary>Also lower sequences that are ahead of their data (to just past the data, or to START when the columns
    /// are empty). Meant for test databases: in production a gap is harmless and lowering is not.</summary>
    public bool AllowRewind { get; init; }

    /// <summary>Extra values of headroom to leave above the data: the next value becomes MAX + increment × (1 + Margin).</summary>
    public long Margin { get; init; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentOutOfRangeException">Also when <see cref="Margin"/> is negative.</exception>
    public override void Validate()
    {
        base.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(Margin, nameof(Margin));
    }
}
