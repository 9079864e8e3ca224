namespace PgSeq.Cli;

/// <summary>Ctrl-C (SIGINT) or SIGTERM: cancels the running query and remembers which signal asked, for the exit code.</summary>
internal sealed class Interrupt : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public CancellationToken Token => _source.Token;

    /// <summary>The exit code the signal asks for (130 for SIGINT, 143 for SIGTERM).</summary>
    public int ExitCode { get; private set; } = ExitCodes.Interrupted;

    public void Trigger(int exitCode)
    {
        if (!_source.IsCancellationRequested)
        {
            ExitCode = exitCode;
            _source.Cancel();
        }
    }

    public void Dispose() => _source.Dispose();
}
