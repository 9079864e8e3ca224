using Mikrokredit.Import;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Mikrokredit.Tests.Infrastructure;

/// <summary>The sample's <c>import</c> command, run in-process through the code path of <c>Mikrokredit import ...</c>.</summary>
internal static class Import
{
    public static async Task<ProcessResult> RunAsync(TestDatabase db, string file, params string[] flags)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ImportCommand.RunAsync(
            [file, .. flags, $"--ConnectionStrings:Mikrokredit={db.ConnectionString}"], output, error, TestContext.Current.CancellationToken);
        return new ProcessResult(exitCode, output.ToString(), error.ToString());
    }
}
