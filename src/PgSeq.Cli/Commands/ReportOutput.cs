using PgSeq.Cli.Output;

namespace PgSeq.Cli.Commands;

/// <summary>How check and fix report what they did.</summary>
/// <param name="Format">What goes to standard output.</param>
/// <param name="Quiet">Print only problems.</param>
/// <param name="Verbose">Print every row and reason and, for errors, the stack trace.</param>
/// <param name="LogFile">Append one line per event to this file (--log).</param>
/// <param name="Series">--format prometheus: which sequences get series of their own.</param>
internal sealed record ReportOutput(OutputFormat Format, bool Quiet, bool Verbose, string? LogFile, SeriesSelection Series);
