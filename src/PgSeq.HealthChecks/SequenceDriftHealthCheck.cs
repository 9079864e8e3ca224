using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace PgSeq.HealthChecks;

/// <summary>
/// Runs <see cref="SequenceDrift.CheckAsync(NpgsqlDataSource, CheckOptions?, CancellationToken)"/> and maps the report
/// to a health status: drift or critical capacity is the registration's failure status (Unhealthy by default), a
/// capacity warning or a sequence that could not be examined (error, busy) is Degraded, anything else Healthy. It
/// never repairs. The data carries the counts and the names of the sequences that need attention.
/// </summary>
internal sealed class SequenceDriftHealthCheck(NpgsqlDataSource dataSource, CheckOptions options) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        DriftReport report;
        try
        {
            report = await SequenceDrift.CheckAsync(dataSource, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception error) when (error is NpgsqlException or PgSeqException)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "could not check the sequences: " + error.Message, error);
        }

        var summary = report.Summary;
        var data = new Dictionary<string, object>
        {
            ["database"] = report.Database,
            ["sequences"] = summary.Sequences,
            ["drift"] = summary.Drift,
            ["capacity_warning"] = summary.CapacityWarning,
            ["capacity_critical"] = summary.CapacityCritical,
            ["error"] = summary.Error,
            ["busy"] = summary.Busy,
        };
        foreach (var sequence in report.Sequences.Where(s => s.Attention != Attention.None || !s.Complete))
        {
            data[sequence.Sequence.Name] = $"{ReportNames.Of(sequence.Status)}: {sequence.Reason}";
        }

        if (report.Attention == Attention.Critical)
        {
            return new HealthCheckResult(context.Registration.FailureStatus,
                $"{summary.Drift} sequence(s) in drift and {summary.CapacityCritical} near the end of their range in {report.Database}; "
                + "run pgseq fix",
                null,
                data);
        }

        if (report.Attention == Attention.Warning || !report.Complete)
        {
            return HealthCheckResult.Degraded(
                $"{summary.CapacityWarning} sequence(s) past the capacity warning and {summary.Error + summary.Busy} not examined "
                + $"in {report.Database}",
                null,
                data);
        }

        return HealthCheckResult.Healthy($"{summary.Sequences} sequence(s) in sync in {report.Database}", data);
    }
}
