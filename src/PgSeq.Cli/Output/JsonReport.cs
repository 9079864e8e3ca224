using System.Text.Encodings.Web;
using System.Text.Json;
using PgSeq.Cli.Localization;
using PgSeq.Cli.Targets;

namespace PgSeq.Cli.Output;

/// <summary>
/// The <c>--json</c> document, a public contract documented in the README, written one sequence at a time so that a
/// report of any size passes through without being held: the header when the run starts, each sequence as it passes,
/// then whether the run was interrupted or failed, the summary and the cutover. Names are snake_case; enums are
/// snake_case strings; absent values are null rather than missing, so every key is always there; sentences are English.
/// </summary>
internal sealed class JsonReport : IDisposable
{
    // Flushed whenever this much is waiting, so that neither the writer nor stdout holds more.
    private const int FlushAt = 64 * 1024;

    private readonly Utf8JsonWriter _json;
    private readonly bool _owned;

    private JsonReport(Utf8JsonWriter json, bool owned)
    {
        _json = json;
        _owned = owned;
    }

    /// <summary>A document of its own on <paramref name="writer"/>.</summary>
    public static JsonReport Open(TextWriter writer) => new(Writer(writer), owned: true);

    /// <summary>Starts the document: what the run is about, and the list of sequences.</summary>
    public void Begin(string database, string serverVersion, bool standby, RunMode mode)
    {
        _json.WriteStartObject();
        _json.WriteString("database", database);
        _json.WriteString("server_version", serverVersion);
        _json.WriteBoolean("standby", standby);
        _json.WriteString("command", mode == RunMode.Check ? "check" : "fix");
        _json.WriteBoolean("dry_run", mode == RunMode.DryRun);
        _json.WriteStartArray("sequences");
    }

    public void Add(SequenceReport sequence)
    {
        JsonSerializer.Serialize(_json, Sequence(sequence), PgSeqJsonContext.Readable.JsonSequence);
        if (_json.BytesPending >= FlushAt)
        {
            _json.Flush();
        }
    }

    /// <summary>Ends the document: the totals over the sequences listed, and, when the run did not get to its end,
    /// whether it was interrupted or the error that stopped it.</summary>
    public void End(ReportOutline report, bool interrupted, string? error)
    {
        _json.WriteEndArray();
        _json.WriteBoolean("interrupted", interrupted);
        WriteNullable("error", error);
        _json.WritePropertyName("summary");
        JsonSerializer.Serialize(_json, Summary(report), PgSeqJsonContext.Readable.JsonSummary);
        _json.WritePropertyName("cutover");
        if (report.Cutover is { } c)
        {
            JsonSerializer.Serialize(
                _json,
                new JsonCutover(c.SourceDatabase, c.Behind, c.MissingOnTarget, c.MissingOnSource,
                    [.. c.DefinitionDifferences.Select(
                        d => new JsonDefinitionDifference(d.Sequence, d.SourceType, d.TargetType, d.SourceIncrement, d.TargetIncrement))]),
                PgSeqJsonContext.Readable.JsonCutover);
        }
        else
        {
            _json.WriteNullValue();
        }

        _json.WriteEndObject();
        _json.Flush();
    }

    /// <summary>Ends the document on its own line.</summary>
    public void Dispose()
    {
        if (_owned)
        {
            _json.Dispose();
        }
    }

    /// <summary>The document of a run that could not start.</summary>
    public static void WriteError(TextWriter writer, string message) =>
        writer.WriteLine(JsonSerializer.Serialize(new JsonErrorDocument(message), PgSeqJsonContext.Readable.JsonErrorDocument));

    /// <summary>Several targets: one entry per target, in the order given, each with its whole report (the sequences kept
    /// of it; null when its report never opened), a summary, and the databases --all-databases skipped.</summary>
    public static void WriteTargets(
        TextWriter writer, IReadOnlyList<(TargetResult Result, List<SequenceReport>? Sequences)> targets, IReadOnlyList<string> skipped, RunMode mode)
    {
        using (var json = Writer(writer))
        {
            var document = new JsonReport(json, owned: false);
            json.WriteStartObject();
            json.WriteStartArray("targets");
            foreach (var (result, kept) in targets)
            {
                json.WriteStartObject();
                json.WriteString("target", result.Label);
                json.WriteNumber("exit_code", result.ExitCode);
                document.WriteNullable("error", result.Error);
                json.WritePropertyName("report");
                if (result.Outline is { } report && kept is { } sequences)
                {
                    document.Begin(report.Database, report.ServerVersion, report.OnStandby, mode);
                    sequences.ForEach(document.Add);
                    document.End(report, result.Interrupted, result.Error);
                }
                else
                {
                    json.WriteNullValue();
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WritePropertyName("summary");
            JsonSerializer.Serialize(
                json,
                new JsonTargetsSummary(
                    targets.Count,
                    targets.Count(t => t.Result.ExitCode == ExitCodes.Ok),
                    targets.Count(t => t.Result.ExitCode == ExitCodes.Drift),
                    targets.Count(t => t.Result.ExitCode is not ExitCodes.Ok and not ExitCodes.Drift)),
                PgSeqJsonContext.Readable.JsonTargetsSummary);
            json.WriteStartArray("skipped_databases");
            foreach (var database in skipped)
            {
                json.WriteStringValue(database);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        writer.WriteLine();
    }

    // Names and text as they are (no \u escapes for '+' or 'é'), which every JSON parser reads; quotes and control
    // characters are still escaped.
    private static Utf8JsonWriter Writer(TextWriter writer) =>
        new(new TextWriterStream(writer), new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    private void WriteNullable(string name, string? value)
    {
        if (value is null)
        {
            _json.WriteNull(name);
        }
        else
        {
            _json.WriteString(name, value);
        }
    }

    private static JsonSequence Sequence(SequenceReport s) => new(
        s.Sequence.Name,
        ReportNames.Of(s.Status),
        ReportNames.Of(s.Finding),
        s.LastValue,
        s.IsCalled,
        s.NextValue,
        s.SourceNextValue,
        s.ColumnExtreme,
        s.BehindBy,
        s.NextInsertCollides,
        s.Repairable,
        [.. s.Columns.Select(c => new JsonColumn(
            c.Table,
            c.Column,
            c.ColumnType,
            ReportNames.Of(c.Kind),
            c.Measured,
            c.Indexed,
            c.SkipReason is { } skip ? English(skip) : null,
            c.InferredFrom))],
        new JsonDefinition(
            s.Sequence.DataType,
            s.Sequence.Start,
            s.Sequence.Increment,
            s.Sequence.MinValue,
            s.Sequence.MaxValue,
            s.Sequence.Cache,
            s.Sequence.Cycle),
        English(s.Reason),
        s.Action is { } action ? English(action) : null,
        s.Capacity is { } c ? new JsonCapacity(c.Limit, c.LimitedBy, Math.Round(c.UsedRatio, 6), c.Remaining, ReportNames.Of(c.Level)) : null,
        s.Lattice is { } l ? new JsonLattice(l.Modulus, l.Residue, l.MinValue, l.MaxValue, l.RowsOutsideAhead, l.RowsOutsideCapped) : null,
        s.Repair is { } r ? new JsonRepair(
            r.PreviousNextValue, r.NextValue, r.Applied, Math.Round(r.LockHeld.TotalMilliseconds, 3), r.Script) : null);

    private static JsonSummary Summary(ReportOutline report)
    {
        var s = report.Summary;
        return new(s.Sequences, s.Ok, s.Drift, s.Skipped, s.SkippedCollisions, s.Error, s.Busy, s.Repaired, s.Collisions, s.Repairable,
            s.CapacityWarning, s.CapacityCritical, s.Unlinked,
            report.LongestLockHeld is { } held ? Math.Round(held.TotalMilliseconds, 3) : null,
            report.NotRead);
    }

    // The document is the same in every language: English, in the command line's words.
    private static string English(Phrase phrase) => Texts.English.Say(phrase);
}
