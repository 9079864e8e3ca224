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
internal sealed class SqlSink(CliConsole console, Texts texts, RunMode mode, ReportOutput output, bool single)
    : HumanSink(console, texts, mode, output, single)
{
    private readonly List<ScriptTarget> _targets = [];

    public override ITargetSink Open(int index, Target target)
    {
        var script = new ScriptTarget(Single ? Console.Out : new StringWriter());
        _targets.Add(script);
        return script;
    }

    protected override void Print(TargetResult result, ReportOutline outline)
    {
        if (_targets[result.Index].Writer is StringWriter buffered)
        {
            Console.Out.Write(buffered.ToString());
        }

        Console.Error.WriteLine(HumanReport.Summary(Texts, outline, Mode));
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
