namespace PgSeq.Cli.Output;

/// <summary>What pgseq prints on standard output.</summary>
internal enum OutputFormat
{
    Table,
    Json,
    Prometheus,
    Nagios,
}
