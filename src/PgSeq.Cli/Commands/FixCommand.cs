using System.CommandLine;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;

namespace PgSeq.Cli.Commands;

/// <summary><c>pgseq fix</c>: move drifted sequences past their data, one short atomic transaction each.</summary>
internal static class FixCommand
{
    public static Command Create(Texts texts, CommonOptions common, Func<ReportRequest, Task<int>> run)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = texts["Help_DryRun"] };
        var sql = new Option<bool>("--sql") { Description = texts["Help_Sql"] };
        var allowRewind = new Option<bool>("--allow-rewind") { Description = texts["Help_AllowRewind"] };
        var command = new Command("fix", texts["Help_Fix"]);
        common.AddTo(command);
        foreach (Option option in (Option[])[dryRun, sql, allowRewind, common.Margin])
        {
            command.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.ParsedValue(sql) && result.ParsedValue(common.Json))
            {
                result.AddError(texts["SqlWithJson"]);
            }
            else if (result.ParsedValue(sql) && result.ParsedValue(common.Format) is { } format && format != "table")
            {
                result.AddError(texts["SqlWithFormat", format]);
            }
        });
        command.SetAction((result, _) =>
        {
            var printSql = result.GetValue(sql);
            var options = new FixOptions(common.Scope(result))
            {
                DryRun = printSql || result.GetValue(dryRun),
                AllowRewind = result.GetValue(allowRewind),
                Margin = result.GetValue(common.Margin),
            };
            return run(new ReportRequest(
                options.DryRun ? RunMode.DryRun : RunMode.Fix,
                common.TargetsOf(result),
                common.OutputOf(result, printSql),
                options,
                result.GetValue(common.Links),
                result.GetValue(common.From),
                outline => ExitCodes.ForFix(outline, options.DryRun)));
        });
        return command;
    }
}
