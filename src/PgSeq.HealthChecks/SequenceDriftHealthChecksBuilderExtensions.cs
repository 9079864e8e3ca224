using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace PgSeq.HealthChecks;

/// <summary><c>services.AddHealthChecks().AddSequenceDrift()</c>.</summary>
public static class SequenceDriftHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check that reports sequence drift (Unhealthy, or <paramref name="failureStatus"/>), capacity
    /// warnings and sequences it could not examine (Degraded). It never repairs. The check honours
    /// <paramref name="timeout"/>: a check that runs longer is cancelled and reported as failed.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="dataSource">Where to connect; by default the <see cref="NpgsqlDataSource"/> registered in the container
    /// (AddNpgsqlDataSource).</param>
    /// <param name="options">Scope, timeouts and capacity thresholds; by default every user schema.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="failureStatus">The status for drift or critical capacity; Unhealthy by default.</param>
    /// <param name="tags">Tags to filter health endpoints by.</param>
    /// <param name="timeout">How long the check may take.</param>
    public static IHealthChecksBuilder AddSequenceDrift(
        this IHealthChecksBuilder builder,
        Func<IServiceProvider, NpgsqlDataSource>? dataSource = null,
        CheckOptions? options = null,
        string name = "sequence-drift",
        HealthStatus? failureStatus = null,
        IEnumerable<string>? tags = null,
        TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.Add(new HealthCheckRegistration(
            name,
            services => new SequenceDriftHealthCheck(
                dataSource?.Invoke(services) ?? services.GetRequiredService<NpgsqlDataSource>(),
                options ?? new CheckOptions()),
            failureStatus,
            tags,
            timeout));
    }
}
