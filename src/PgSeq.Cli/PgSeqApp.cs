using System.CommandLine;
using PgSeq.Cli.Commands;

namespace PgSeq.Cli;

/// <summary>The pgseq command line: parses the arguments and runs check or fix. Testable in-process.</summary>
internal static class PgSeqApp
{
    public static async Task<int> RunAsync(string[] args, CliConsole console, Func<string, string?> environment, Interrupt interrupt)
    {
        var execution = new CommandExecution(console, environment, interrupt);
        var common = new CommonOptions();
        var root = new RootCommand("pgseq finds and repairs PostgreSQL sequence drift: sequences that fell behind the data they feed.")
        {
            CheckCommand.Create(common, execution.CheckAsync),
            FixCommand.Create(common, execution.FixAsync),
        };

        root.SetAction(async (_, _) =>
        {
            await console.Error.WriteLineAsync("pgseq: error: a command is required; run 'pgseq check' or 'pgseq fix' ('pgseq --help' for usage)");
            return ExitCodes.Incomplete;
        });

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            var command = parsed.CommandResult.Command == root ? "pgseq" : $"pgseq {parsed.CommandResult.Command.Name}";
            await console.Error.WriteLineAsync($"pgseq: error: {parsed.Errors[0].Message.TrimEnd('.')}; run '{command} --help' for usage");
            return ExitCodes.Incomplete;
        }

        return await parsed.InvokeAsync(new InvocationConfiguration
        {
            Output = console.Out,
            Error = console.Error,
            EnableDefaultExceptionHandler = false,
            ProcessTerminationTimeout = null,
        }, interrupt.Token);
    }
}
