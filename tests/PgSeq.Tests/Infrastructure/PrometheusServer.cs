using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace PgSeq.Tests.Infrastructure;

/// <summary>
/// A throwaway Prometheus server (Debian's /usr/bin/prometheus, which ./test.sh installs) scraping one target every
/// second as job "pgseq", with the given rule files loaded, in a directory of its own; its HTTP API answers queries.
/// </summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private const string Program = "/usr/bin/prometheus";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly Process _process;
    private readonly string _directory;
    private readonly Task<string> _stderr;
    private readonly Task<string> _stdout;

    private PrometheusServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
        Address = $"127.0.0.1:{port}";
    }

    public string Address { get; }

    /// <summary>Starts a server scraping <paramref name="target"/> (host:port) and waits until it is ready; absent
    /// Prometheus fails the test on CI and skips it elsewhere.</summary>
    public static async Task<PrometheusServer> StartAsync(string target, params string[] ruleFiles)
    {
        if (!File.Exists(Program))
        {
            Requirement.Missing($"{Program} is missing: install Debian's prometheus package (./test.sh does)");
        }

        var directory = Path.Combine(Path.GetTempPath(), "pgseq-prometheus-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              evaluation_interval: 1s
            rule_files: [{string.Join(", ", ruleFiles.Select(f => $"'{f}'"))}]
            scrape_configs:
              - job_name: pgseq
                static_configs:
                  - targets: ['{target}']
            """);
        var port = FreePort.Next();
        var process = ProcessRunner.Start(Program, [
            $"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"]);
        var server = new PrometheusServer(process, directory, port);
        await Eventually.HoldsAsync(server.IsReadyAsync, TimeSpan.FromSeconds(60), "Prometheus is ready");
        return server;
    }

    /// <summary>An instant query; the samples of the resulting vector with their labels (__name__ included).</summary>
    public async Task<List<(Dictionary<string, string> Labels, double Value)>> QueryAsync(string expression)
    {
        using var document = await ApiAsync($"/api/v1/query?query={Uri.EscapeDataString(expression)}");
        var data = document.RootElement.GetProperty("data");
        var result = data.GetProperty("result");
        if (data.GetProperty("resultType").GetString() == "scalar")
        {
            return [([], Number(result[1]))];
        }

        return [.. result.EnumerateArray().Select(sample => (
            sample.GetProperty("metric").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!),
            Number(sample.GetProperty("value")[1])))];
    }

    /// <summary>Waits until <paramref name="expression"/> returns at least one sample.</summary>
    public async Task<List<(Dictionary<string, string> Labels, double Value)>> WaitForAsync(string expression, TimeSpan timeout)
    {
        List<(Dictionary<string, string> Labels, double Value)> samples = [];
        await Eventually.HoldsAsync(async () => (samples = await QueryAsync(expression)).Count > 0, timeout, $"Prometheus has {expression}");
        return samples;
    }

    /// <summary>A GET on the HTTP API that must answer status "success".</summary>
    public async Task<JsonDocument> ApiAsync(string pathAndQuery)
    {
        using var response = await Http.GetAsync(new Uri($"http://{Address}{pathAndQuery}"), TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        var document = JsonDocument.Parse(body);
        Assert.True(document.RootElement.GetProperty("status").GetString() == "success", $"{pathAndQuery}: {body}");
        return document;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
        await Task.WhenAll(_stdout, _stderr);
        _process.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private static double Number(JsonElement value) => double.Parse(value.GetString()!, CultureInfo.InvariantCulture);

    private async Task<bool> IsReadyAsync()
    {
        if (_process.HasExited)
        {
            Assert.Fail($"prometheus exited with {_process.ExitCode}: {await _stderr}");
        }

        try
        {
            using var response = await Http.GetAsync(new Uri($"http://{Address}/-/ready"), TestContext.Current.CancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }
}
