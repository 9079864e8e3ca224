using PgSeq.Cli;

namespace PgSeq.Tests.Infrastructure;

public sealed record CliResult(int ExitCode, string Stdout, string Stderr)
{
    public string Output => Stdout + Stderr;

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Stdout}--- stderr\n{Stderr}";
}

/// <summary>Runs the pgseq command line in-process with a controlled environment (nothing from the test process leaks in).</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(args, new Dictionary<string, string>());

    public static async Task<CliResult> RunAsync(string[] args, IReadOnlyDictionary<string, string> environment, bool terminal = false)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        using var interrupt = new Interrupt();
        var exitCode = await PgSeqApp.RunAsync(args, new CliConsole(stdout, stderr, terminal, terminal), name => environment.GetValueOrDefault(name), interrupt);
        return new CliResult(exitCode, stdout.ToString(), stderr.ToString());
    }
}
