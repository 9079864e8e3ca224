using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Serve;

/// <summary>
/// One target as serve exports it: the last report's series, kept while later attempts fail, whether the latest
/// attempt succeeded, when it ended, and the failures so far by reason. Written by the target's checks, read by every
/// refresh of the metrics.
/// </summary>
internal sealed class TargetMonitor
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _failures = FailureReason.All.ToDictionary(reason => reason, _ => 0L);
    private readonly string _server;
    private readonly string _database;
    private ReportSeries? _report;
    private bool _success;
    private DateTimeOffset? _lastAttempt;

    public TargetMonitor(Target target)
    {
        Target = target;
        (_server, _database) = TargetSeries.LabelsOf(target.Label, target.Connection);
    }

    public Target Target { get; }

    /// <summary>A check that produced a report; one with sequences in error or busy counts as an incomplete failure,
    /// and its series replace the last ones all the same (they carry those statuses).</summary>
    public void Checked(ReportSeries report, bool complete)
    {
        lock (_gate)
        {
            _report = report;
            _success = complete;
            _lastAttempt = report.CheckedAt;
            if (!complete)
            {
                _failures[FailureReason.Incomplete]++;
            }
        }
    }

    /// <summary>A check that produced no report: the last report's series stay.</summary>
    public void Failed(string reason, DateTimeOffset at)
    {
        lock (_gate)
        {
            _success = false;
            _lastAttempt = at;
            _failures[reason]++;
        }
    }

    public TargetSeries Series()
    {
        lock (_gate)
        {
            return new TargetSeries(_server, _report?.Database ?? _database, _lastAttempt is null ? null : _success, _report?.CheckedAt, _report,
                new AttemptSeries(_lastAttempt, new Dictionary<string, long>(_failures)));
        }
    }
}
