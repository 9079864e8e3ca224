namespace PgSeq.Cli;

/// <summary>Where pgseq writes, and whether each stream is a terminal (which decides colour and progress output).</summary>
/// <param name="Out">Standard output: reports, JSON, scripts.</param>
/// <param name="Error">Standard error: errors and progress.</param>
/// <param name="OutIsTerminal">Whether standard output is a terminal.</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal.</param>
internal sealed record CliConsole(TextWriter Out, TextWriter Error, bool OutIsTerminal, bool ErrorIsTerminal)
{
    /// <summary>The process's own streams.</summary>
    public static CliConsole FromProcess() =>
        new(Console.Out, Console.Error, !Console.IsOutputRedirected, !Console.IsErrorRedirected);
}
