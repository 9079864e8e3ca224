using System.Globalization;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Output;

/// <summary>
/// A Nagios/Icinga plugin answer: one status line with performance data, and the plugin exit codes
/// (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN). Drift and critical capacity are CRITICAL; a database pgseq could not
/// examine (or a sequence in error or busy) is UNKNOWN; a capacity warning is WARNING.
/// </summary>
internal static class NagiosReport
{
    public const int Ok = 0;
    public const int Warning = 1;
    public const int Critical = 2;
    public const int Unknown = 3;

    private static readonly string[] StateNames = ["OK", "WARNING", "CRITICAL", "UNKNOWN"];

    public static int Write(
        TextWriter writer, IReadOnlyList<(TargetResult Result, NagiosFindings Findings)> targets, CheckOptions options, IReadOnlyList<string> skipped)
    {
        var results = targets.Select(t => t.Result).ToList();
        var reports = results.Where(r => r.Outline is not null).Select(r => r.Outline!).ToList();
        var findings = targets.Select(t => t.Findings).ToList();
        var failed = results.Count(r => r.Outline is null || r.Interrupted || r.Error is not null);
        var drift = findings.SelectMany(f => f.Drift).ToList();
        var critical = findings.SelectMany(f => f.CapacityCritical).ToList();
        var warning = findings.SelectMany(f => f.CapacityWarning).ToList();
        var incomplete = findings.SelectMany(f => f.Incomplete).ToList();
        var attention = reports.Select(r => r.Attention).DefaultIfEmpty(Attention.None).Max();
        var sequences = reports.Sum(r => r.Summary.Sequences);

        // A critical finding outranks what could not be examined, which outranks a warning.
        var state = attention == Attention.Critical ? Critical
            : failed > 0 || incomplete.Count > 0 ? Unknown
            : attention == Attention.Warning ? Warning
            : Ok;

        var problems = new List<string>();
        problems.AddRange(results.Where(r => r.Interrupted).Select(r => $"{r.Label}: {Interrupted(r.Outline)}"));
        problems.AddRange(results.Where(r => r.Error is not null).Select(r => ErrorMessages.NamingTarget(r.Error!, r.Label, Texts.English)));
        problems.AddRange(drift.Select(s => $"{s.Sequence.Name} drift (next {Number(s.NextValue)}, MAX {Number(s.ColumnExtreme)})"));
        problems.AddRange(critical.Concat(warning).Select(s => $"{s.Sequence.Name} {Percent(s.Capacity!.UsedRatio)}% used"));
        problems.AddRange(incomplete.Select(s => $"{s.Sequence.Name} {s.Status.ToString().ToLowerInvariant()}"));
        var summary = problems.Count == 0
            ? $"{sequences} sequences in {results.Count} database(s) in sync"
            : string.Join("; ", problems);
        if (skipped.Count > 0)
        {
            summary += $"; skipped, as they do not allow connections: {string.Join(", ", skipped)}";
        }


        var highest = findings.Select(f => f.HighestUsedRatio).DefaultIfEmpty(0).Max();
        var performance = string.Join(' ',
            $"sequences={sequences};;;0",
            $"drift={drift.Count};;1;0",
            $"collisions={reports.Sum(r => r.Summary.Collisions)};;1;0",
            $"errors={incomplete.Count + failed};;;0",
            $"capacity_max={Percent(highest)}%;{Percent(options.CapacityWarning)};{Percent(options.CapacityCritical)};0;100");
        writer.WriteLine($"PGSEQ {StateNames[state]} - {Flatten(summary)} | {performance}");
        return state;
    }

    /// <summary>The answer of a run that could not check anything (bad arguments, a file that cannot be used): UNKNOWN,
    /// with the reason.</summary>
    public static void WriteUnknown(TextWriter writer, string reason) => writer.WriteLine($"PGSEQ {StateNames[Unknown]} - {Flatten(reason)}");

    // What an interrupted target read, so that its counts never pass for the whole database.
    private static string Interrupted(ReportOutline? outline) => outline switch
    {
        null or { SequencesInScope: null } => "interrupted before the catalog was read",
        var read => $"interrupted after {read.Summary.Sequences} of {read.SequencesInScope} sequences, {read.NotRead} not read",
    };

    private static string Percent(double ratio) => (ratio * 100).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Number(long? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "-";

    // The plugin output is one line, and "|" starts the performance data.
    private static string Flatten(string text) => text.Replace('\n', ' ').Replace('\r', ' ').Replace('|', '/');
}
