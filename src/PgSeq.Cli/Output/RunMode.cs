namespace PgSeq.Cli.Output;

/// <summary>Which command produced a report, which decides how it is worded.</summary>
internal enum RunMode
{
    Check,
    Fix,
    DryRun,
}
