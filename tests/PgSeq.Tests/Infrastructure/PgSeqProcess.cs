using System.Diagnostics;

namespace PgSeq.Tests.Infrastructure;

/// <summary>The real pgseq executable, for what only a process can show: exit codes under signals, SIGKILL, Ctrl-C.</summary>
public sealed class PgSeqProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private PgSeqProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    public int Id => _process.Id;

    public static PgSeqProcess Start(params string[] arguments) =>
        new(ProcessRunner.Start(Path.Combine(AppContext.BaseDirectory, "pgseq"), arguments, new Dictionary<string, string?> { ["NO_COLOR"] = "1" }));

    /// <summary>Sends a signal by name (INT, TERM) as a terminal or a service manager would.</summary>
    public async Task SignalAsync(string signal) =>
        await ProcessRunner.RunAsync("kill", [$"-{signal}", Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);

    public void KillHard() => _process.Kill(entireProcessTree: true);

    /// <summary>Waits for the exit, failing the test if it takes longer than <paramref name="timeout"/>.</summary>
    public async Task<ProcessResult> WaitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            KillHard();
            throw new TimeoutException($"pgseq did not exit within {timeout}");
        }

        return new ProcessResult(_process.ExitCode, await _stdout, await _stderr);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            KillHard();
        }

        _process.Dispose();
    }
}
