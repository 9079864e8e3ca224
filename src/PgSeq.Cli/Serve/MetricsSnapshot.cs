using PgSeq.Cli.Output;
using Prometheus;

namespace PgSeq.Cli.Serve;

/// <summary>
/// What a scrape serves: a registry built from the targets' last results after each check and swapped in whole, so
/// that a scrape does no database work, never waits for a check, and a series that vanished from the results
/// vanishes from /metrics.
/// </summary>
internal sealed class MetricsSnapshot
{
    private readonly Lock _gate = new();
    private readonly IReadOnlyList<TargetMonitor> _monitors;
    private readonly string _version;
    private CollectorRegistry _current;

    public MetricsSnapshot(IReadOnlyList<TargetMonitor> monitors, string version)
    {
        _monitors = monitors;
        _version = version;
        _current = Build();
    }

    public CollectorRegistry Current => Volatile.Read(ref _current);

    /// <summary>Rebuilds the registry from every target's current state; checks that end together rebuild in turn.</summary>
    public void Refresh()
    {
        lock (_gate)
        {
            Volatile.Write(ref _current, Build());
        }
    }

    private CollectorRegistry Build() => SeriesRegistry.Build([.. _monitors.Select(m => m.Series())], _version);
}
