using System.Reflection;
using PgSeq.Tests.Infrastructure;

namespace PgSeq.Mikrokredit.Tests.Infrastructure;

/// <summary>
/// The real pgseq command, as an operator runs it: the PgSeq.Cli apphost in that project's own build output (see
/// RecordPgSeqCommandPath in the project file for why not the copy next to the tests).
/// </summary>
internal static class PgSeqCommand
{
    private static readonly string Path = typeof(PgSeqCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "PgSeqCommand").Value!;

    public static Task<ProcessResult> RunAsync(params string[] arguments) =>
        ProcessRunner.RunAsync(
            Path,
            arguments,
            new Dictionary<string, string?> { ["NO_COLOR"] = "1" },
            cancellationToken: TestContext.Current.CancellationToken);
}
