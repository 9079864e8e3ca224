using System.CommandLine;
using PgSeq.Cli.Localization;

namespace PgSeq.Cli.Commands;

/// <summary><c>pgseq check</c>: report drift, change nothing.</summary>
internal static class CheckCommand
{
    public static Command Create(Texts texts, CommonOptions common, Func<RunSettings, CheckOptions, Task<int>> run)
    {
        var failOnWarning = new Option<bool>("--fail-on-warning") { Description = texts["Help_FailOnWarning"] };
        var command = new Command("check", texts["Help_Check"]) { failOnWarning };
        common.AddTo(command);
        command.SetAction((result, _) => run(common.Settings(result) with { FailOnWarning = result.GetValue(failOnWarning) }, common.Scope(result)));
        return command;
    }
}
