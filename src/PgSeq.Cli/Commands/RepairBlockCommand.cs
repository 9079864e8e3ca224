using System.CommandLine;
using PgSeq.Cli.Localization;

namespace PgSeq.Cli.Commands;

/// <summary>
/// <c>pgseq repair-block</c>: print the repair as one SQL DO block for a migration in any tool (Alembic's
/// <c>op.execute</c>, Flyway, Liquibase, Rails, Django). It connects to nothing: the block finds and repairs the
/// sequences when the migration runs, with the rules fix uses.
/// </summary>
internal static class RepairBlockCommand
{
    public static Command Create(Texts texts, CommonOptions common, Func<RepairBlockRequest, Task<int>> print)
    {
        var command = new Command("repair-block", texts["Help_RepairBlock"]);
        common.AddScopeTo(command);
        command.Add(common.Margin);
        command.SetAction((result, _) => print(new RepairBlockRequest(
            new FixOptions(common.Scope(result)) { Margin = result.GetValue(common.Margin) },
            result.GetValue(common.Links))));
        return command;
    }
}
