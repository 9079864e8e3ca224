using System.Text.Json;

namespace PgSeq;

/// <summary>
/// The names pgseq gives statuses, findings, link kinds and capacity levels wherever a program reads them (the CLI's
/// JSON document, metric labels and log lines, the health check's data): snake_case, such as <c>capacity_warning</c>,
/// stable across releases. Made in this one place.
/// </summary>
public static class ReportNames
{
    /// <summary>The name of a status, such as <c>drift</c> or <c>capacity_critical</c>.</summary>
    public static string Of(SequenceStatus status) => Names<SequenceStatus>.Of(status);

    /// <summary>The name of a finding, such as <c>behind_source</c>.</summary>
    public static string Of(Finding finding) => Names<Finding>.Of(finding);

    /// <summary>The name of a link kind, such as <c>late_bound_default</c>.</summary>
    public static string Of(LinkKind kind) => Names<LinkKind>.Of(kind);

    /// <summary>The name of a capacity level, such as <c>critical</c>.</summary>
    public static string Of(CapacityLevel level) => Names<CapacityLevel>.Of(level);

    // Each enum's names, computed once.
    private static class Names<T>
        where T : struct, Enum
    {
        private static readonly Dictionary<T, string> ByValue =
            Enum.GetValues<T>().ToDictionary(v => v, v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

        public static string Of(T value) => ByValue[value];
    }
}
