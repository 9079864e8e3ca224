using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary><c>--format nagios</c>: one plugin line once every target is done, and the plugin's exit codes (0 OK,
/// 1 WARNING, 2 CRITICAL, 3 UNKNOWN); an interruption keeps its own code. Errors follow on standard error.</summary>
internal sealed class NagiosSink(
    CliConsole console, Texts texts, RunMode mode, CheckOptions options, Interrupt interrupt, bool verbose, bool single) : IReportSink
{
    private readonly List<NagiosFindings> _findings = [];
    private readonly TargetMessages _messages = new(console, texts, mode, verbose, single);

    public ITargetSink Open(int index, Target target)
    {
        var findings = new NagiosFindings();
        _findings.Add(findings);
        return new SequencesOnly(findings.Add);
    }

    public void Finished(TargetResult result)
    {
    }

    public Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode)
    {
        var state = NagiosReport.Write(console.Out, [.. results.Select(r => (r, _findings[r.Index]))], options);
        foreach (var result in results)
        {
            _messages.Error(result);
        }

        return Task.FromResult(results.Any(r => r.Interrupted) ? interrupt.ExitCode : state);
    }

    public int Refused(string message, Exception? error, int exitCode)
    {
        _messages.RunError(message, error);
        return NagiosReport.Unknown;
    }

    public int Interrupted(int exitCode)
    {
        _messages.NothingDone();
        return exitCode;
    }
}
