using Mikrokredit.Api;
using Mikrokredit.Data;
using Mikrokredit.Pages;
using Npgsql;
using PgSeq.HealthChecks;

namespace Mikrokredit.Hosting;

/// <summary>The web app: the loan API, the page at /, and /health with pgseq's sequence drift check.</summary>
internal static partial class MikrokreditWebApp
{
    /// <summary>
    /// Builds the app from <paramref name="args"/>, appsettings.json and the environment, creates the schema when the
    /// database has none, repairs the sequences when <see cref="StartupRepair.Setting"/> is true, and only then starts
    /// listening (on <c>--urls</c>, or ASP.NET Core's default). Dispose the returned app to stop it.
    /// </summary>
    public static async Task<WebApplication> StartAsync(string[] args, CancellationToken cancellationToken)
    {
        // Beside the binaries, so that appsettings.json is found from any working directory (dotnet run --project ...).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddMikrokreditDatabase(builder.Configuration);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddProblemDetails();
        builder.Services.AddHealthChecks().AddSequenceDrift();

        var app = builder.Build();
        try
        {
            app.UseExceptionHandler();
            app.MapHomePage();
            app.MapLoanApi();
            app.MapHealthChecks("/health", HealthResponse.Options);

            if (await DatabaseSchema.EnsureCreatedAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), cancellationToken))
            {
                LogSchemaCreated(app.Logger);
            }

            if (app.Configuration.GetValue<bool>(StartupRepair.Setting))
            {
                await StartupRepair.RunAsync(app.Services, app.Logger, cancellationToken);
            }

            await app.StartAsync(cancellationToken);
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created the mikrokredit schema: tables loans and installments, sequences loans_id_seq and installments_id_seq")]
    private static partial void LogSchemaCreated(ILogger logger);
}
