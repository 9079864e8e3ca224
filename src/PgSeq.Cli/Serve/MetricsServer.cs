using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Prometheus;

namespace PgSeq.Cli.Serve;

/// <summary>
/// The HTTP side of serve, on Kestrel with the empty, NativeAOT-friendly builder: <c>/metrics</c> (the Prometheus text
/// format, OpenMetrics when the scraper asks for it), <c>/healthz</c> for liveness and a one-line landing page at
/// <c>/</c> in pgseq's language. Routing answers 404 and 405 by itself; a failing handler is an empty 500, never a stack trace (no
/// developer page, no logging providers). pgseq keeps SIGINT and SIGTERM to itself.
/// </summary>
internal sealed class MetricsServer : IAsyncDisposable
{
    private const string OpenMetricsType = "application/openmetrics-text";
    private readonly WebApplication _app;

    public MetricsServer(IPEndPoint endpoint, MetricsSnapshot snapshot, string landing)
    {
        var builder = WebApplication.CreateEmptyBuilder(
            new WebApplicationOptions { EnvironmentName = Environments.Production, ApplicationName = "pgseq" });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, ProcessOwnedLifetime>();

        // A scrape in flight when serve stops is cut off rather than waited for: stopping takes well under a second.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromMilliseconds(500));
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options =>
        {
            options.AddServerHeader = false;
            options.Listen(endpoint);
        });
        _app = builder.Build();
        _app.MapGet("/metrics", context => WriteMetricsAsync(context, snapshot.Current));
        _app.MapGet("/healthz", context => WriteTextAsync(context, "ok\n"));
        _app.MapGet("/", context => WriteTextAsync(context, landing + "\n"));
    }

    /// <exception cref="IOException">The address is in use or cannot be bound.</exception>
    public Task StartAsync(CancellationToken cancellationToken) => _app.StartAsync(cancellationToken);

    public Task StopAsync() => _app.StopAsync(CancellationToken.None);

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private static Task WriteMetricsAsync(HttpContext context, CollectorRegistry registry)
    {
        var openMetrics = context.Request.Headers.Accept.Any(accept => accept?.Contains(OpenMetricsType, StringComparison.OrdinalIgnoreCase) == true);
        context.Response.ContentType = openMetrics ? $"{OpenMetricsType}; version=1.0.0; charset=utf-8" : "text/plain; version=0.0.4; charset=utf-8";
        return registry.CollectAndExportAsTextAsync(
            context.Response.Body, openMetrics ? ExpositionFormat.OpenMetricsText : ExpositionFormat.PrometheusText, context.RequestAborted);
    }

    private static Task WriteTextAsync(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text, context.RequestAborted);
    }
}
