using PgSeq.Cli.Commands;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary>The outputs of one run of check or fix, chosen once: the --log file's sink when asked for, and the format's.
/// Each call goes to every one of them, in that order.</summary>
internal sealed class ReportSinks : IReportSink
{
    private readonly IReadOnlyList<IReportSink> _sinks;

    private ReportSinks(IReadOnlyList<IReportSink> sinks) => _sinks = sinks;

    /// <summary>The sinks <paramref name="request"/> asks for.</summary>
    /// <param name="request">The run, with its format, mode and options.</param>
    /// <param name="single">Whether the run has one target.</param>
    /// <param name="skipped">The databases --all-databases leaves out, which every output names.</param>
    /// <param name="console">Standard output and error.</param>
    /// <param name="environment">The environment (NO_COLOR).</param>
    /// <param name="texts">The language of human output.</param>
    /// <param name="interrupt">Ctrl-C and SIGTERM, whose exit code an interrupted Nagios run keeps.</param>
    public static ReportSinks For(
        ReportRequest request,
        bool single,
        IReadOnlyList<string> skipped,
        CliConsole console,
        Func<string, string?> environment,
        Texts texts,
        Interrupt interrupt)
    {
        var (mode, output) = (request.Mode, request.Output);
        ReportSink format = output.Format switch
        {
            OutputFormat.Json => new JsonSink(console, texts, mode, output.Verbose, single) { Skipped = skipped },
            OutputFormat.Prometheus => new PrometheusSink(console, texts, mode, output.Series, output.Verbose, single) { Skipped = skipped },
            OutputFormat.Nagios => new NagiosSink(console, texts, mode, request.Options, interrupt, output.Verbose, single) { Skipped = skipped },
            OutputFormat.Sql => new SqlSink(console, texts, mode, output, single) { Skipped = skipped },
            _ => new TableSink(console, environment, texts, mode, output, single) { Skipped = skipped },
        };

        // The log first, so that the format, which may have exit codes of its own (Nagios), has the last word on the code.
        return new ReportSinks(output.LogFile is { } log ? [new LogSink(new RunLog(log), mode, console, texts, skipped), format] : [format]);
    }

    public ITargetSink Open(int index, Target target)
    {
        var targets = _sinks.Select(sink => sink.Open(index, target)).ToList();
        return targets.Count == 1 ? targets[0] : new AllTargets(targets);
    }

    public void Finished(TargetResult result)
    {
        foreach (var sink in _sinks)
        {
            sink.Finished(result);
        }
    }

    public async Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode)
    {
        foreach (var sink in _sinks)
        {
            exitCode = await sink.EndAsync(results, exitCode);
        }

        return exitCode;
    }

    public int Refused(
        string message, Exception? error, int exitCode) => _sinks.Aggregate(exitCode, (code, sink) => sink.Refused(message, error, code));

    public int Interrupted(int exitCode) => _sinks.Aggregate(exitCode, (code, sink) => sink.Interrupted(code));

    private sealed class AllTargets(IReadOnlyList<ITargetSink> targets) : ITargetSink
    {
        public void Begin(DriftReportReader reader)
        {
            foreach (var target in targets)
            {
                target.Begin(reader);
            }
        }

        public void Add(SequenceReport sequence)
        {
            foreach (var target in targets)
            {
                target.Add(sequence);
            }
        }

        public void End(ReportOutline outline, bool interrupted, string? error)
        {
            foreach (var target in targets)
            {
                target.End(outline, interrupted, error);
            }
        }
    }
}
