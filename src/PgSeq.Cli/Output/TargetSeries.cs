using PgSeq.Cli.Connection;

namespace PgSeq.Cli.Output;

/// <summary>What one target exports: whether its latest check succeeded, and the series of its last report.</summary>
/// <param name="Server">The server label, host:port.</param>
/// <param name="Database">The database label.</param>
/// <param name="Success">Whether the latest check examined everything; null before the first check ends.</param>
/// <param name="CheckedAt">When the exported report was taken (a one-off run: when it ended); null before any.</param>
/// <param name="Report">The last report's series; null when there is none.</param>
/// <param name="Attempts">serve only: the latest attempt and the failures so far; null for a one-off run.</param>
internal sealed record TargetSeries(
    string Server, string Database, bool? Success, DateTimeOffset? CheckedAt, ReportSeries? Report, AttemptSeries? Attempts)
{
    /// <summary>The server (host:port) and database labels of a target; its label when it could not be resolved.</summary>
    public static (string Server, string Database) LabelsOf(string label, ConnectionTarget? connection) =>
        connection?.Settings is { } settings ? ($"{settings.Host}:{settings.Port}", settings.Database ?? string.Empty) : (label, string.Empty);
}
