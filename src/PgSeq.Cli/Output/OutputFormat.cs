namespace PgSeq.Cli.Output;

/// <summary>What check and fix print on standard output; each has one sink (see <see cref="Sinks.ReportSinks"/>).</summary>
internal enum OutputFormat
{
    /// <summary>The table, the reasons and a summary line.</summary>
    Table,

    /// <summary>The --json document.</summary>
    Json,

    /// <summary>The Prometheus text exposition format.</summary>
    Prometheus,

    /// <summary>A Nagios plugin line.</summary>
    Nagios,

    /// <summary>fix --sql: the repair script for psql.</summary>
    Sql,
}
