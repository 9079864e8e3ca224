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

    public bool HasExited => _process.HasExited;

    // A test run started as a background job inherits SIGINT ignored, and a program keeps an ignored SIGINT ignored
    // (as it should): env --default-signal gives pgseq the SIGINT handling it has when started from a terminal. env
    // execs pgseq, so the process id is pgseq's.
    public static PgSeqProcess Start(params string[] arguments) =>
        new(ProcessRunner.Start(
            "env",
            ["--default-signal=INT", Path.Combine(AppContext.BaseDirectory, "pgseq"), .. arguments],
            new Dictionary<string, string?> { ["NO_COLOR"] = "1" }));

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
            // What it printed before it was killed says where it was stuck.
            KillHard();
            throw new TimeoutException($"pgseq did not exit within {timeout}; stdout: {await _stdout}; stderr: {await _stderr}");
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
