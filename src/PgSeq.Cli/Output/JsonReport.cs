using System.Text.Json;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Output;

/// <summary>
/// The <c>--json</c> document: a public contract documented in the README. Names are snake_case; enums are
/// snake_case strings; absent values are null rather than missing, so every key is always there; sentences are English.
/// </summary>
internal static class JsonReport
{
    public static void Write(TextWriter writer, DriftReport report, RunMode mode, bool interrupted = false)
    {
        using (var stream = new TextWriterStream(writer))
        {
            JsonSerializer.Serialize(stream, Document(report, mode, interrupted), PgSeqJsonContext.Readable.JsonReportDocument);
        }

        writer.WriteLine();
    }

    public static void WriteError(TextWriter writer, string message) =>
        writer.WriteLine(JsonSerializer.Serialize(new JsonErrorDocument(message), PgSeqJsonContext.Readable.JsonErrorDocument));

    /// <summary>Several targets: one entry per target, in the order given, and a summary over them.</summary>
    public static void WriteTargets(TextWriter writer, IReadOnlyList<TargetResult> results, RunMode mode)
    {
        var targets = results.Select(r => new JsonTarget(
            r.Label, r.ExitCode, r.Error, r.Report is null ? null : Document(r.Report, mode, r.Interrupted))).ToList();
        var summary = new JsonTargetsSummary(
            results.Count,
            results.Count(r => r.ExitCode == ExitCodes.Ok),
            results.Count(r => r.ExitCode == ExitCodes.Drift),
            results.Count(r => r.ExitCode is not ExitCodes.Ok and not ExitCodes.Drift));
        using (var stream = new TextWriterStream(writer))
        {
            JsonSerializer.Serialize(stream, new JsonTargetsDocument(targets, summary), PgSeqJsonContext.Readable.JsonTargetsDocument);
        }

        writer.WriteLine();
    }

    private static JsonReportDocument Document(DriftReport report, RunMode mode, bool interrupted) =>
        new(
            report.Database,
            report.ServerVersion,
            report.OnStandby,
            mode == RunMode.Check ? "check" : "fix",
            mode == RunMode.DryRun,
            interrupted,
            report.Sequences.Select(Sequence),
            Summary(report.Summary, report.LongestLockHeld),
            report.Cutover is { } c
                ? new JsonCutover(c.SourceDatabase, c.Behind, c.MissingOnTarget, c.MissingOnSource,
                    [.. c.DefinitionDifferences.Select(d => new JsonDefinitionDifference(d.Sequence, d.SourceType, d.TargetType, d.SourceIncrement, d.TargetIncrement))])
                : null);

    private static JsonSequence Sequence(SequenceReport s) => new(
        s.Sequence.Name,
        Name(s.Status),
        Name(s.Finding),
        s.LastValue,
        s.IsCalled,
        s.NextValue,
        s.SourceNextValue,
        s.ColumnExtreme,
        s.BehindBy,
        s.NextInsertCollides,
        s.Repairable,
        [.. s.Columns.Select(c => new JsonColumn(c.Table, c.Column, c.ColumnType, Name(c.Kind), c.Measured, c.Indexed, c.SkipReason is { } skip ? English(skip) : null, c.InferredFrom))],
        new JsonDefinition(s.Sequence.DataType, s.Sequence.Start, s.Sequence.Increment, s.Sequence.MinValue, s.Sequence.MaxValue, s.Sequence.Cache, s.Sequence.Cycle),
        English(s.Reason),
        s.Action is { } action ? English(action) : null,
        s.Capacity is { } c ? new JsonCapacity(c.Limit, c.LimitedBy, Math.Round(c.UsedRatio, 6), c.Remaining, Name(c.Level)) : null,
        s.Repair is { } r ? new JsonRepair(r.PreviousNextValue, r.NextValue, r.Applied, Math.Round(r.LockHeld.TotalMilliseconds, 3), r.Script) : null);

    private static JsonSummary Summary(DriftSummary s, TimeSpan? longestLockHeld) =>
        new(s.Sequences, s.Ok, s.Drift, s.Skipped, s.SkippedCollisions, s.Error, s.Busy, s.Repaired, s.Collisions, s.Repairable, s.CapacityWarning, s.CapacityCritical, s.Unlinked,
            longestLockHeld is { } held ? Math.Round(held.TotalMilliseconds, 3) : null);

    // The document is the same in every language: English, in the command line's words.
    private static string English(Phrase phrase) => Texts.English.Say(phrase);

    private static string Name<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
