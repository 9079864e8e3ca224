using PgSeq.Cli.Commands;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Output;

namespace PgSeq.Cli.Runs;

/// <summary><c>pgseq repair-block</c>: prints the repair block for what the options select; connects to nothing.</summary>
internal sealed class RepairBlockRun(CliConsole console, Interrupt interrupt, Texts texts)
{
    public async Task<int> RunAsync(RepairBlockRequest request)
    {
        try
        {
            var options = await RunPreparation.OptionsAsync(request.Options, request.LinksFile, interrupt.Token);
            await console.Out.WriteAsync(RepairBlock.For(options));
            return ExitCodes.Ok;
        }
        catch (Exception error) when (error is InputException or InvalidPatternException)
        {
            console.Error.WriteLine(texts["ErrorLine", ErrorMessages.Describe(error, null, texts)]);
            return ExitCodes.Incomplete;
        }
    }
}
