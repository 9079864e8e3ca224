#region Health checks: /health reports drift
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using PgSeq.HealthChecks;

namespace MyApp;

public static class HealthEndpoint
{
    public static WebApplication Build(string[] args, string connectionString)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddNpgsqlDataSource(connectionString);       // Npgsql.DependencyInjection
        builder.Services.AddHealthChecks().AddSequenceDrift(timeout: TimeSpan.FromSeconds(10));

        var app = builder.Build();
        app.MapHealthChecks("/health");
        return app;
    }
}
#endregion
