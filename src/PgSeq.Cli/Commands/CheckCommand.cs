using System.CommandLine;

namespace PgSeq.Cli.Commands;

/// <summary><c>pgseq check</c>: report drift, change nothing.</summary>
internal static class CheckCommand
{
    public static Command Create(CommonOptions common, Func<RunSettings, Task<int>> run)
    {
        var command = new Command("check", "Find every sequence that feeds a column and report which will hand out a value that already exists. Reads only.\nExit codes: 0 nothing wrong, 2 drift found, 1 could not complete.");
        common.AddTo(command);
        command.SetAction((result, _) => run(new RunSettings(
            result.GetValue(common.Connection),
            common.Scope(result),
            result.GetValue(common.Json),
            Sql: false,
            result.GetValue(common.Verbose))));
        return command;
    }
}
