using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary>
/// The --json document on standard output. One target's document is written as its sequences pass, so a report of any
/// size goes through in little memory; with several targets every report is kept and the document printed once all
/// are done, in the order given. Errors follow on standard error.
/// </summary>
internal sealed class JsonSink(CliConsole console, Texts texts, RunMode mode, bool verbose, bool single)
    : ReportSink(console, texts, mode, verbose, single)
{
    private readonly List<ITargetSink> _targets = [];

    public override ITargetSink Open(int index, Target target)
    {
        ITargetSink sink = Single ? new StreamedDocument(Console.Out, Mode) : new KeptReport();
        _targets.Add(sink);
        return sink;
    }

    public override Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode)
    {
        if (!Single)
        {
            JsonReport.WriteTargets(Console.Out, [.. results.Select(r => (r, ((KeptReport)_targets[r.Index]).Sequences))], Skipped, Mode);
        }
        else if (_targets[0] is StreamedDocument { Begun: false })
        {
            // The run stopped before the report opened: the document is an error of its own.
            JsonReport.WriteError(Console.Out, results[0].Error ?? Texts["InterruptedNothing"]);
        }

        return base.EndAsync(results, exitCode);
    }

    public override int Refused(string message, Exception? error, int exitCode)
    {
        JsonReport.WriteError(Console.Out, message);
        return base.Refused(message, error, exitCode);
    }

    // One target's document, written as its sequences pass, and ended however its run ends.
    private sealed class StreamedDocument(TextWriter writer, RunMode mode) : ITargetSink
    {
        private JsonReport? _document;

        public bool Begun => _document is not null;

        public void Begin(DriftReportReader reader)
        {
            _document = JsonReport.Open(writer);
            _document.Begin(reader.Database, reader.ServerVersion, reader.OnStandby, mode);
        }

        public void Add(SequenceReport sequence) => _document!.Add(sequence);

        public void End(ReportOutline outline, bool interrupted, string? error)
        {
            _document!.End(outline, interrupted, error);
            _document.Dispose();
            writer.WriteLine();
        }
    }

    // Several targets: every sequence, for the document printed once all are done.
    private sealed class KeptReport : ITargetSink
    {
        public List<SequenceReport>? Sequences { get; private set; }

        public void Begin(DriftReportReader reader) => Sequences = [];

        public void Add(SequenceReport sequence) => Sequences!.Add(sequence);

        public void End(ReportOutline outline, bool interrupted, string? error)
        {
        }
    }
}
