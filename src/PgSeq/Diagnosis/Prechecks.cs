using PgSeq.Catalog;
using PgSeq.Probing;

namespace PgSeq.Diagnosis;

/// <summary>
/// The verdicts settled before any column is probed: a sequence the role may not read or a standby keeps no data for,
/// one whose state could not be read, one linked to nothing, one with no column that can be measured, and one whose
/// columns the role cannot read in full (MAX of part of the data would be a wrong answer). Pure, like the drift rules.
/// </summary>
internal static class Prechecks
{
    /// <summary>Whether the sequence's state can be read at all: the role may, and a standby keeps data for it.</summary>
    public static bool StateReadable(CatalogSequence sequence, bool onStandby) => sequence.CanRead && !(onStandby && sequence.Unlogged);

    /// <summary>The verdict of a sequence whose columns need no probe; null when they are to be measured.</summary>
    /// <param name="sequence">The sequence and its columns.</param>
    /// <param name="state">Its state as read; null when it was not read (<see cref="StateReadable"/> was false).</param>
    /// <param name="user">The connected role, quoted, for the reasons.</param>
    /// <param name="onStandby">Whether the server is a hot standby.</param>
    public static Verdict? Settle(CatalogSequence sequence, ProbeResult<SequenceState>? state, string user, bool onStandby)
    {
        if (!sequence.CanRead)
        {
            return Verdict.Failed(Failure.PermissionDenied(Phrases.SequenceNotReadable(user, sequence.Name)));
        }

        if (onStandby && sequence.Unlogged)
        {
            return Verdict.Failed(StandbyUnlogged(Phrases.SequenceSubject(sequence.Name)));
        }

        if (state is not { Failure: null } read)
        {
            return Verdict.Failed(state?.Failure ?? throw new ArgumentNullException(nameof(state), "a readable sequence's state must be read first"));
        }

        var next = DriftDiagnosis.NextValue(sequence.Definition, read.Value);
        if (sequence.Columns.Count == 0)
        {
            var unlinked = sequence.AmbiguousCandidates.Count > 0
                ? new Failure(
                    SequenceStatus.Unlinked, Finding.AmbiguousName, Phrases.AmbiguousName(
                        sequence.Name, string.Join(", ", sequence.AmbiguousCandidates)))
                : new Failure(SequenceStatus.Unlinked, Finding.NoColumn, Phrases.Unlinked(sequence.Name));
            return Verdict.Failed(unlinked, next);
        }

        if (!sequence.MeasuredColumns.Any())
        {
            var first = sequence.Columns[0];
            var reason = Phrases.ColumnSkipped(first.QualifiedName, first.Link.SkipReason!);
            return Verdict.Failed(new Failure(SequenceStatus.Skipped, Finding.NotMeasurable, reason), next);
        }

        return Blocked(sequence, user, onStandby) is { } blocked ? Verdict.Failed(blocked, next) : null;
    }

    /// <summary>Whether a skipped sequence is compared with columns of numbers that are not integers.</summary>
    public static bool Comparable(CatalogSequence sequence, Verdict verdict) =>
        verdict is { Finding: Finding.NotMeasurable, NextValue: not null } && sequence.ComparableColumns.Any();

    /// <summary>A skipped sequence whose comparable columns reach its next value: were they integer columns, it would be
    /// in drift, so it is a warning that names them.</summary>
    public static Verdict WouldCollide(CatalogSequence sequence, Verdict skipped)
    {
        var next = skipped.NextValue!.Value;
        var column = sequence.ComparableColumns.First();
        var edge = sequence.Definition.Descending ? "MIN" : "MAX";
        var reason = Phrases.WouldCollide(skipped.Reason, next, edge, $"{column.QualifiedName} {column.Link.ColumnType}");
        return Verdict.Failed(new Failure(SequenceStatus.Skipped, Finding.WouldCollide, reason), next);
    }

    // A measured column that the role cannot read in full, here: MAX of part of the data would be a wrong answer.
    private static Failure? Blocked(CatalogSequence sequence, string user, bool onStandby)
    {
        foreach (var column in sequence.MeasuredColumns)
        {
            if (!column.CanRead)
            {
                return Failure.PermissionDenied(Phrases.ColumnNotReadable(user, column.QualifiedName, column.Table));
            }

            if (column.RowFilter != RowFilter.None)
            {
                var reason = column.RowFilter == RowFilter.Forced
                    ? Phrases.RowSecurityForced(user, column.Table)
                    : Phrases.RowSecurityApplies(user, column.Table);
                return new Failure(SequenceStatus.Error, Finding.RowSecurity, reason);
            }

            if (onStandby && column.TableUnlogged)
            {
                return StandbyUnlogged(Phrases.TableSubject(column.Table));
            }
        }

        return null;
    }

    private static Failure StandbyUnlogged(Phrase relation) =>
        new(SequenceStatus.Skipped, Finding.StandbyUnlogged, Phrases.StandbyUnlogged(relation));
}
