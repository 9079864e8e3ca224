using System.CommandLine;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;

namespace PgSeq.Cli.Commands;

/// <summary><c>pgseq check</c>: report drift, change nothing.</summary>
internal static class CheckCommand
{
    public static Command Create(Texts texts, CommonOptions common, Func<ReportRequest, Task<int>> run)
    {
        var failOnWarning = new Option<bool>("--fail-on-warning") { Description = texts["Help_FailOnWarning"] };
        var command = new Command("check", texts["Help_Check"]) { failOnWarning };
        common.AddTo(command);
        command.SetAction((result, _) =>
        {
            var failOnWarningSet = result.GetValue(failOnWarning);
            return run(new ReportRequest(
                RunMode.Check,
                common.TargetsOf(result),
                common.OutputOf(result),
                common.Scope(result),
                result.GetValue(common.Links),
                result.GetValue(common.From),
                outline => ExitCodes.ForCheck(outline, failOnWarningSet)));
        });
        return command;
    }
}
