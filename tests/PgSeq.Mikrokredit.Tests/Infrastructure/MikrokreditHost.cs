using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Mikrokredit.Api;
using Mikrokredit.Hosting;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Mikrokredit.Tests.Infrastructure;

/// <summary>
/// The sample web app, started in-process as its Program starts it (same builder, same database preparation) and
/// listening on a free port of 127.0.0.1, with an HTTP client on that address.
/// </summary>
internal sealed class MikrokreditHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MikrokreditHost(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }

    public HttpClient Client { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Starts the app on <paramref name="db"/>; <paramref name="settings"/> are more <c>--KEY=VALUE</c> arguments.</summary>
    public static async Task<MikrokreditHost> StartAsync(TestDatabase db, params string[] settings)
    {
        var app = await MikrokreditWebApp.StartAsync(
            [
                "--urls", "http://127.0.0.1:0",
                $"--ConnectionStrings:Mikrokredit={db.ConnectionString}",
                "--Logging:LogLevel:Default=Warning",
                .. settings,
            ],
            Cancel);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new MikrokreditHost(app, new Uri(address));
    }

    /// <summary>POST /api/loans with a loan of 1000 borrowed, 1200 due.</summary>
    public Task<HttpResponseMessage> PostLoanAsync(string website, int installmentCount) =>
        Client.PostAsJsonAsync(
            new Uri("/api/loans", UriKind.Relative),
            new { website, loanDate = "2025-08-01", amountBorrowed = 1000m, amountDue = 1200m, installmentCount },
            Cancel);

    /// <summary>Adds a loan through the API, failing the test unless it is created.</summary>
    public async Task<LoanView> AddLoanAsync(string website, int installmentCount)
    {
        using var response = await PostLoanAsync(website, installmentCount);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"POST /api/loans answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<LoanView>(body, JsonSerializerOptions.Web)!;
    }

    public async Task<IReadOnlyList<LoanView>> ListLoansAsync() =>
        (await Client.GetFromJsonAsync<List<LoanView>>(new Uri("/api/loans", UriKind.Relative), JsonSerializerOptions.Web, Cancel))!;

    /// <summary>GET /health: the status code and the JSON body.</summary>
    public async Task<(HttpStatusCode Code, JsonElement Body)> GetHealthAsync()
    {
        using var response = await Client.GetAsync(new Uri("/health", UriKind.Relative), Cancel);
        return (response.StatusCode, JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
    }
}
