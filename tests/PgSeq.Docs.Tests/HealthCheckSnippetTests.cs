using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using MyApp;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Docs.Tests;

/// <summary>The health check snippet of docs/library.md and src/PgSeq.HealthChecks/README.md, served by Kestrel.</summary>
public sealed class HealthCheckSnippetTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_health_snippet_serves_unhealthy_on_drift_and_healthy_once_repaired()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        await using var app = HealthEndpoint.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default", "None"], db.ConnectionString);
        await app.StartAsync(Cancel);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var client = new HttpClient { BaseAddress = new Uri(address) };

        var drifted = await GetHealthAsync(client);
        await SequenceDrift.FixAsync(db.DataSource, null, Cancel);
        var repaired = await GetHealthAsync(client);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), drifted);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), repaired);
    }

    private static async Task<(HttpStatusCode, string)> GetHealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }
}
