using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.HealthChecks.Tests;

/// <summary>The health check in a real ASP.NET Core host listening on 127.0.0.1.</summary>
public sealed class HealthCheckTests(PostgresServer server)
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // A host with /health answering status and data as JSON.
    private static async Task<(WebApplication App, HttpClient Client)> StartAsync(NpgsqlDataSource dataSource, CheckOptions? options = null, TimeSpan? timeout = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(dataSource);
        builder.Services.AddHealthChecks().AddSequenceDrift(options: options, timeout: timeout);
        var app = builder.Build();
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResponseWriter = (context, report) =>
            {
                context.Response.ContentType = "application/json";
                var entry = report.Entries["sequence-drift"];
                return context.Response.WriteAsync(JsonSerializer.Serialize(new
                {
                    status = report.Status.ToString(),
                    description = entry.Description,
                    data = entry.Data.ToDictionary(d => d.Key, d => d.Value.ToString()),
                }));
            },
        });
        await app.StartAsync(Cancel);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new HttpClient { BaseAddress = new Uri(address) });
    }

    private static async Task<(HttpStatusCode Code, JsonElement Body)> GetHealthAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }

    [Fact]
    public async Task Drift_is_unhealthy_with_details_and_a_repaired_database_is_healthy()
    {
        await using var db = await server.CreateDatabaseAsync();
        await Scenarios.LoadIncidentAsync(db);
        var (app, client) = await StartAsync(db.DataSource);
        await using var _ = app;
        using var __ = client;

        var (code, body) = await GetHealthAsync(client);
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (code, body.GetProperty("status").GetString()));
        Assert.Equal("2", body.GetProperty("data").GetProperty("drift").GetString());
        Assert.StartsWith("drift: the next value 2 is not past MAX 28", body.GetProperty("data").GetProperty("public.loans_id_seq").GetString(), StringComparison.Ordinal);
        Assert.Equal((2L, false), await db.SequenceStateAsync("loans_id_seq"));

        await SequenceDrift.FixAsync(db.DataSource, null, Cancel);
        var healthy = await GetHealthAsync(client);
        Assert.Equal((HttpStatusCode.OK, "Healthy"), (healthy.Code, healthy.Body.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_capacity_warning_is_degraded()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t (id serial PRIMARY KEY); SELECT setval('t_id_seq', 1700000000);");
        var (app, client) = await StartAsync(db.DataSource);
        await using var _ = app;
        using var __ = client;

        var (code, body) = await GetHealthAsync(client);

        Assert.Equal((HttpStatusCode.OK, "Degraded"), (code, body.GetProperty("status").GetString()));
        Assert.Equal("1", body.GetProperty("data").GetProperty("capacity_warning").GetString());
    }

    [Fact]
    public async Task The_check_honours_its_timeout_instead_of_hanging_behind_a_lock()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("CREATE TABLE t (id serial PRIMARY KEY);");
        await using var holder = await db.DataSource.OpenConnectionAsync(Cancel);
        await using var transaction = await holder.BeginTransactionAsync(Cancel);
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE t IN ACCESS EXCLUSIVE MODE", holder))
        {
            await lockTable.ExecuteNonQueryAsync(Cancel);
        }

        var (app, client) = await StartAsync(db.DataSource, new CheckOptions { LockTimeout = TimeSpan.FromMinutes(1) }, TimeSpan.FromMilliseconds(500));
        await using var _ = app;
        using var __ = client;

        var clock = Stopwatch.StartNew();
        var (code, body) = await GetHealthAsync(client);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"the check took {clock.Elapsed}");
        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (code, body.GetProperty("status").GetString()));
        await transaction.RollbackAsync(Cancel);
    }

    [Fact]
    public async Task An_unreachable_database_is_the_failure_status_not_an_exception()
    {
        await using var unreachable = NpgsqlDataSource.Create("Host=127.0.0.1;Port=1;Username=postgres;Timeout=2");
        var (app, client) = await StartAsync(unreachable);
        await using var _ = app;
        using var __ = client;

        var (code, body) = await GetHealthAsync(client);

        Assert.Equal((HttpStatusCode.ServiceUnavailable, "Unhealthy"), (code, body.GetProperty("status").GetString()));
        Assert.StartsWith("could not check the sequences", body.GetProperty("description").GetString(), StringComparison.Ordinal);
    }

    // What EF Core's UseHiLo() leaves in the database: one shared sequence and key columns without a default.
    [Fact]
    public async Task Ef_core_hilo_keys_behind_their_data_are_unhealthy_with_no_options_and_healthy_after_a_fix()
    {
        await using var db = await server.CreateDatabaseAsync();
        await db.ExecuteAsync("""
            CREATE SEQUENCE "EntityFrameworkHiLoSequence" START WITH 1 INCREMENT BY 10 NO CYCLE;
            CREATE TABLE loans (id integer PRIMARY KEY, website text NOT NULL);
            INSERT INTO loans SELECT n, 'imported' FROM generate_series(1, 28) AS n;
            """);
        var (app, client) = await StartAsync(db.DataSource);
        await using var _ = app;
        using var __ = client;

        var (before, body) = await GetHealthAsync(client);
        await SequenceDrift.FixAsync(db.DataSource, null, Cancel);
        var (after, _) = await GetHealthAsync(client);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, before);
        Assert.Contains("EntityFrameworkHiLoSequence", body.GetProperty("data").GetProperty("public.\"EntityFrameworkHiLoSequence\"").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, after);
    }
}
