using PgSeq.Cli.Commands;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary>
/// <c>fix --sql</c>: the repair script on standard output, with the summary line on standard error. One target's script
/// is written as its sequences pass; with several targets each script is kept until its turn comes, so that they are
/// printed in the order given.
/// </summary>
internal sealed class SqlSink(CliConsole console, Texts texts, RunMode mode, ReportOutput output, bool single) : IReportSink
{
    private readonly List<ScriptTarget> _targets = [];
    private readonly TargetMessages _messages = new(console, texts, mode, output.Verbose, single);

    public ITargetSink Open(int index, Target target)
    {
        var script = new ScriptTarget(single ? console.Out : new StringWriter());
        _targets.Add(script);
        return script;
    }

    public void Finished(TargetResult result)
    {
        if (_messages.Printable(result))
        {
            if (_targets[result.Index].Writer is StringWriter buffered)
            {
                console.Out.Write(buffered.ToString());
            }

            console.Error.WriteLine(HumanReport.Summary(texts, result.Outline!, mode));
        }

        _messages.Outcome(result);
    }

    public Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode)
    {
        if (!single && (!output.Quiet || exitCode != ExitCodes.Ok))
        {
            console.Out.WriteLine();
            console.Out.WriteLine(HumanReport.TargetsSummary(texts, results));
        }

        return Task.FromResult(exitCode);
    }

    public int Refused(string message, Exception? error, int exitCode)
    {
        _messages.RunError(message, error);
        return exitCode;
    }

    public int Interrupted(int exitCode)
    {
        _messages.NothingDone();
        return exitCode;
    }

    private sealed class ScriptTarget(TextWriter writer) : ITargetSink
    {
        private SqlScript? _script;

        public TextWriter Writer => writer;

        public void Begin(DriftReportReader reader) => _script = new SqlScript(writer);

        public void Add(SequenceReport sequence) => _script!.Add(sequence);

        public void End(ReportOutline outline, bool interrupted, string? error) => _script!.End();
    }
}
