using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary>
/// What the format sinks share: the lines on standard error of a run that could not start, was interrupted before it
/// began, or of targets that failed, which a format that prints once at the end writes after its output.
/// </summary>
internal abstract class ReportSink(CliConsole console, Texts texts, RunMode mode, bool verbose, bool single) : IReportSink
{
    /// <summary>Standard output and error.</summary>
    protected CliConsole Console => console;

    /// <summary>The language of human output.</summary>
    protected Texts Texts => texts;

    /// <summary>check, fix or a dry run.</summary>
    protected RunMode Mode => mode;

    /// <summary>Whether the run has one target.</summary>
    protected bool Single => single;

    /// <summary>The databases --all-databases leaves out because they do not allow connections, as user@host:port/database.</summary>
    public IReadOnlyList<string> Skipped { get; init; } = [];

    /// <summary>The lines on standard error.</summary>
    protected TargetMessages Messages { get; } = new(console, texts, mode, verbose, single);

    public abstract ITargetSink Open(int index, Target target);

    public virtual void Finished(TargetResult result)
    {
    }

    /// <summary>By default: the error lines of the targets that failed, once the output is written.</summary>
    public virtual Task<int> EndAsync(IReadOnlyList<TargetResult> results, int exitCode)
    {
        foreach (var result in results)
        {
            Messages.Error(result);
        }

        return Task.FromResult(exitCode);
    }

    public virtual int Refused(string message, Exception? error, int exitCode)
    {
        Messages.RunError(message, error);
        return exitCode;
    }

    public virtual int Interrupted(int exitCode)
    {
        Messages.NothingDone();
        return exitCode;
    }
}
