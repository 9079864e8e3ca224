using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary><c>--format nagios</c>: one plugin line once every target is done, and the plugin's exit codes (0 OK,
/// 1 WARNING, 2 CRITICAL, 3 UNKNOWN); a run that cannot start is an UNKNOWN line; an interruption keeps its own code.
/// Errors follow on standard error.</summary>
internal sealed class NagiosSink(CliConsole console, Texts texts, RunMode mode, CheckOptions options, Interrupt interrupt, bool verbose, bool single)
    : ReportSink(console, texts, mode, verbose, single)
{
    private readonly List<NagiosFindings> _findings = [];

    public override ITargetSink Open(int index, Target target)
    {
        var findings = new NagiosFindings();
        _findings.Add(findings);
        return new SequencesOnly(findings.Add);
    }

    public override async Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode)
    {
        var state = NagiosReport.Write(Console.Out, [.. results.Select(r => (r, _findings[r.Index]))], options, Skipped);
        await base.EndAsync(results, exitCode);
        return results.Any(r => r.Interrupted) ? interrupt.ExitCode : state;
    }

    public override int Interrupted(int exitCode)
    {
        NagiosReport.WriteUnknown(Console.Out, "interrupted before any database was checked");
        return base.Interrupted(exitCode);
    }

    public override int Refused(string message, Exception? error, int exitCode)
    {
        NagiosReport.WriteUnknown(Console.Out, message);
        base.Refused(message, error, exitCode);
        return NagiosReport.Unknown;
    }
}
