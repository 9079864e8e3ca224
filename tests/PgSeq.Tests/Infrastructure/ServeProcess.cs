using System.Diagnostics;

namespace PgSeq.Tests.Infrastructure;

/// <summary><c>pgseq serve</c> as a real process on a free port, with the HTTP calls a scraper makes.</summary>
public sealed class ServeProcess : IDisposable
{
    /// <summary>What Prometheus 2.42 sends when it scrapes.</summary>
    public const string PrometheusAccept = "application/openmetrics-text;version=1.0.0,application/openmetrics-text;version=0.0.1;q=0.75,text/plain;version=0.0.4;q=0.5,*/*;q=0.1";

    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly PgSeqProcess _process;

    private ServeProcess(PgSeqProcess process, int port)
    {
        _process = process;
        Address = $"127.0.0.1:{port}";
    }

    /// <summary>host:port, as a scrape configuration names it.</summary>
    public string Address { get; }

    /// <summary>From the start of the process to the first 200 on /healthz.</summary>
    public TimeSpan StartedIn { get; private set; }

    public int Id => _process.Id;

    /// <summary>Starts <c>pgseq serve --listen 127.0.0.1:PORT</c> with <paramref name="arguments"/> and waits until it answers.</summary>
    public static async Task<ServeProcess> StartAsync(params string[] arguments)
    {
        var port = FreePort.Next();
        var clock = Stopwatch.StartNew();
        var serve = new ServeProcess(PgSeqProcess.Start(["serve", "--listen", $"127.0.0.1:{port}", .. arguments]), port);
        await Eventually.HoldsAsync(serve.IsLiveAsync, TimeSpan.FromSeconds(30), "pgseq serve answers /healthz");
        serve.StartedIn = clock.Elapsed;
        return serve;
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? accept = null)
    {
        using var request = new HttpRequestMessage(method, new Uri($"http://{Address}{path}"));
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return await Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>/metrics in the Prometheus text format.</summary>
    public async Task<string> MetricsAsync()
    {
        using var response = await SendAsync(HttpMethod.Get, "/metrics");
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
    }

    public async Task<List<Exposition.Sample>> SamplesAsync() => Exposition.Parse(await MetricsAsync(), "gauge", "counter");

    /// <summary>Waits until /metrics has a sample that <paramref name="match"/> accepts, and returns it.</summary>
    public async Task<Exposition.Sample> WaitForSampleAsync(Func<Exposition.Sample, bool> match, TimeSpan timeout, string what)
    {
        Exposition.Sample? found = null;
        await Eventually.HoldsAsync(async () => (found = (await SamplesAsync()).FirstOrDefault(match)) is not null, timeout, what);
        return found!;
    }

    /// <summary>Sends <paramref name="signal"/> (TERM, INT) and waits for the exit.</summary>
    public async Task<ProcessResult> StopAsync(string signal = "TERM", TimeSpan? timeout = null)
    {
        await _process.SignalAsync(signal);
        return await _process.WaitAsync(timeout ?? TimeSpan.FromSeconds(20));
    }

    public void Dispose() => _process.Dispose();

    private async Task<bool> IsLiveAsync()
    {
        if (_process.HasExited)
        {
            var result = await _process.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Fail($"pgseq serve exited with {result.ExitCode}: {result.Stderr}");
        }

        try
        {
            using var response = await SendAsync(HttpMethod.Get, "/healthz");
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
