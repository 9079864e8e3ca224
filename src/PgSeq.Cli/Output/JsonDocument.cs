using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PgSeq.Cli.Output;

// The pieces of the --json document, field by field as documented in the README.

internal sealed record JsonCutover(
    string SourceDatabase,
    int Behind,
    IReadOnlyList<string> MissingOnTarget,
    IReadOnlyList<string> MissingOnSource,
    IReadOnlyList<JsonDefinitionDifference> DefinitionDifferences);

internal sealed record JsonDefinitionDifference(string Sequence, string SourceType, string TargetType, long SourceIncrement, long TargetIncrement);

internal sealed record JsonSequence(
    string Sequence,
    string Status,
    string Finding,
    long? LastValue,
    bool? IsCalled,
    long? NextValue,
    long? SourceNextValue,
    long? MaxValue,
    long? BehindBy,
    bool NextInsertCollides,
    bool Repairable,
    IReadOnlyList<JsonColumn> Columns,
    JsonDefinition Definition,
    string Reason,
    string? Action,
    JsonCapacity? Capacity,
    JsonLattice? Lattice,
    JsonRepair? Repair);

internal sealed record JsonColumn(
    string Table, string Column, string Type, string Kind, bool Measured, bool Indexed, string? SkipReason, string? InferredFrom);

internal sealed record JsonDefinition(string DataType, long Start, long Increment, long MinValue, long MaxValue, long Cache, bool Cycle);

internal sealed record JsonCapacity(long Limit, string LimitedBy, double UsedRatio, long Remaining, string Level);

internal sealed record JsonLattice(long Modulus, long Residue, long MinValue, long MaxValue, long? RowsOutsideAhead, bool RowsOutsideCapped);

internal sealed record JsonRepair(long? PreviousNextValue, long? NextValue, bool Applied, double LockHeldMs, string Script);

internal sealed record JsonSummary(
    int Sequences,
    int Ok,
    int Drift,
    int Skipped,
    int SkippedCollisions,
    int Error,
    int Busy,
    int Repaired,
    int NextInsertCollides,
    int Repairable,
    int CapacityWarning,
    int CapacityCritical,
    int Unlinked,
    double? LongestLockHeldMs,
    int? NotRead);

internal sealed record JsonErrorDocument(string Error);

internal sealed record JsonTargetsSummary(int Targets, int Ok, int Findings, int Failed);

// The pieces JsonReport writes; the document around them it writes itself, one sequence at a time.
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(JsonSequence))]
[JsonSerializable(typeof(JsonSummary))]
[JsonSerializable(typeof(JsonCutover))]
[JsonSerializable(typeof(JsonErrorDocument))]
[JsonSerializable(typeof(JsonTargetsSummary))]
internal sealed partial class PgSeqJsonContext : JsonSerializerContext
{
    /// <summary>The context pgseq writes with: names and text as they are (no \u escapes for '+' or 'é'), which every
    /// JSON parser reads; quotes and control characters are still escaped.</summary>
    public static PgSeqJsonContext Readable { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });
}
