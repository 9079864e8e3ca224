using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Sinks;

/// <summary>The lines on standard error that say a target's run failed or was interrupted, which every output shares.</summary>
/// <param name="console">Where they go.</param>
/// <param name="texts">In which language.</param>
/// <param name="mode">check, fix or a dry run: an interrupted fix says what it repaired.</param>
/// <param name="verbose">Whether a failure also prints its stack trace.</param>
/// <param name="single">Whether the run has one target, which then needs no naming.</param>
internal sealed class TargetMessages(CliConsole console, Texts texts, RunMode mode, bool verbose, bool single)
{
    /// <summary>The target's error line, if it failed.</summary>
    public void Error(TargetResult result)
    {
        if (result.Error is not { } error)
        {
            return;
        }

        console.Error.WriteLine(texts["ErrorLine", single ? error : ErrorMessages.NamingTarget(error, result.Label, texts)]);
        if (verbose && result.Exception is not null)
        {
            console.Error.WriteLine(result.Exception.ToString());
        }
    }

    /// <summary>The line of a run that could not start, and with --verbose the stack trace of its cause.</summary>
    public void RunError(string message, Exception? error)
    {
        console.Error.WriteLine(texts["ErrorLine", message]);
        if (verbose && error is not null)
        {
            console.Error.WriteLine(error.ToString());
        }
    }

    /// <summary>The line of a run interrupted before any target started.</summary>
    public void NothingDone() => console.Error.WriteLine(texts["InterruptedNothing"]);

    /// <summary>The interruption line of an interrupted target (an interrupted fix that repaired something says how many
    /// it keeps), else its error line.</summary>
    public void Outcome(TargetResult result)
    {
        if (result.Interrupted)
        {
            console.Error.WriteLine(result.Outline is { Summary.Repaired: > 0 } outline && mode == RunMode.Fix
                ? texts["Interrupted", outline.Summary.Repaired]
                : texts["InterruptedNothing"]);
        }
        else
        {
            Error(result);
        }
    }

    /// <summary>Whether the target's report is printed: whenever it opened, also when the run stopped part-way
    /// (interrupted, or by an error): then it shows what was read and done, and its summary says how many sequences
    /// were not read.</summary>
    public static bool Printable(TargetResult result) => result.Outline is not null;
}
