using System.CommandLine;

namespace PgSeq.Cli.Commands;

/// <summary><c>pgseq fix</c>: move drifted sequences past their data, one short atomic transaction each.</summary>
internal static class FixCommand
{
    public static Command Create(CommonOptions common, Func<RunSettings, Task<int>> run)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Write nothing; show what would change." };
        var sql = new Option<bool>("--sql") { Description = "Write nothing; print the repair script (one transaction per sequence) for psql." };
        var allowRewind = new Option<bool>("--allow-rewind") { Description = "Also lower sequences that are ahead of their data. Meant for test databases." };
        var margin = new Option<long>("--margin")
        {
            Description = "Leave N extra values of headroom: the next value becomes MAX + increment * (1 + N).",
            HelpName = "N",
        };
        margin.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() < 0)
            {
                result.AddError("--margin must be zero or more");
            }
        });

        var command = new Command("fix", "Repair drifted sequences: each in its own transaction that locks out writers and nextval() callers (waiting at most --lock-timeout), re-reads MAX and moves the sequence forward only.\nExit codes: 0 everything repaired or nothing to do, 1 could not complete.");
        common.AddTo(command);
        foreach (Option option in (Option[])[dryRun, sql, allowRewind, margin])
        {
            command.Add(option);
        }

        command.Validators.Add(result =>
        {
            if (result.GetValue(sql) && result.GetValue(common.Json))
            {
                result.AddError("--sql and --json cannot be combined: --sql prints a script, --json a report");
            }
        });
        command.SetAction((result, _) =>
        {
            var printSql = result.GetValue(sql);
            var options = new FixOptions(common.Scope(result))
            {
                DryRun = printSql || result.GetValue(dryRun),
                AllowRewind = result.GetValue(allowRewind),
                Margin = result.GetValue(margin),
            };
            return run(new RunSettings(result.GetValue(common.Connection), options, result.GetValue(common.Json), printSql, result.GetValue(common.Verbose)));
        });
        return command;
    }
}
