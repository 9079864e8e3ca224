using PgSeq.Catalog;
using PgSeq.Diagnosis;
using PgSeq.Probing;
using PgSeq.Session;

namespace PgSeq.Inspection;

/// <summary>Discovers the sequences in scope, reads their state and their columns, and diagnoses each.</summary>
internal static class DriftInspector
{
    /// <summary>
    /// Inspects every sequence in scope, in name order; failures on one sequence become its verdict, never the run's.
    /// A queue because the caller consumes it once: each inspection (with its catalog row) is released as soon as its
    /// report is built, so 100,000 of both are never held at once.
    /// </summary>
    /// <param name="workers">The connections to the database examined.</param>
    /// <param name="options">Scope and timeouts.</param>
    /// <param name="policy">How far a repair would move a sequence.</param>
    /// <param name="floors">After a migration, the next value of each source sequence by name: a floor for the target's.</param>
    /// <param name="lookUpNextValue">Whether to find out if a drifted sequence's very next value is taken (for the report).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async Task<Queue<SequenceInspection>> InspectAsync(
        Workers workers, CheckOptions options, RepairPolicy policy, IReadOnlyDictionary<string, long> floors, bool lookUpNextValue, CancellationToken cancellationToken)
    {
        var session = workers.Session;
        new ProgressCounter(options.Progress, RunPhase.Discovering, 0).Start();
        var sequences = new RelationFilter(options).Apply(await SequenceCatalog.LoadAsync(workers.Main, options, cancellationToken));

        // A standby keeps no data for unlogged sequences: reading one fails.
        var readable = sequences.Where(s => s.CanRead && !(session.InRecovery && s.Unlogged)).ToList();
        var reading = new ProgressCounter(options.Progress, RunPhase.ReadingSequences, readable.Count).Start();
        var stateRows = await workers.RunAsync(readable, (connection, slice) => SequenceStateReader.ReadAsync(connection, workers.InTransaction, slice, options, reading.Add, cancellationToken), cancellationToken);
        var states = readable.Zip(stateRows).ToDictionary(p => p.First.Oid, p => p.Second);

        var inspections = new Dictionary<uint, SequenceInspection>();
        var probeTargets = new List<(CatalogSequence Sequence, long? NextValue)>();
        var comparable = new List<(CatalogSequence Sequence, long NextValue)>();
        foreach (var sequence in sequences)
        {
            if (Precheck(sequence, session, states) is not { } early)
            {
                probeTargets.Add((sequence, DriftDiagnosis.NextValue(sequence.Definition, states[sequence.Oid].Value)));
                continue;
            }

            inspections[sequence.Oid] = early;
            if (early.Verdict is { Finding: Finding.NotMeasurable, NextValue: { } next } && sequence.ComparableColumns.Any())
            {
                comparable.Add((sequence, next));
            }
        }

        var measuring = new ProgressCounter(options.Progress, RunPhase.Measuring, probeTargets.Sum(t => t.Sequence.MeasuredColumns.Count())).Start();
        var extremes = await workers.RunAsync(probeTargets, (connection, slice) => ColumnExtremeProbe.ReadAsync(connection, workers.InTransaction, slice, options, lookUpNextValue, measuring.Add, cancellationToken), cancellationToken);
        foreach (var ((sequence, _), columns) in probeTargets.Zip(extremes))
        {
            var state = states[sequence.Oid].Value;
            inspections[sequence.Oid] = columns.Failure is { } failure
                ? new SequenceInspection(sequence, state, null, Verdict.Failed(failure))
                : new SequenceInspection(sequence, state, columns.Value, DriftDiagnosis.Diagnose(sequence.Definition, state, columns.Value, policy, Floor(floors, sequence), sequence.ApplicationAllocates));
        }

        var reached = await workers.RunAsync(comparable, (connection, slice) => ComparableProbe.ReadAsync(connection, workers.InTransaction, slice, options, cancellationToken), cancellationToken);
        foreach (var ((sequence, next), collides) in comparable.Zip(reached).Where(p => p.Second))
        {
            var skipped = inspections[sequence.Oid];
            var column = sequence.ComparableColumns.First();
            var reason = Phrases.WouldCollide(skipped.Verdict.Reason, next, sequence.Definition.Descending ? "MIN" : "MAX", $"{column.QualifiedName} {column.Link.ColumnType}");
            inspections[sequence.Oid] = skipped with { Verdict = Verdict.Failed(new Failure(SequenceStatus.Skipped, Finding.WouldCollide, reason), next) };
        }

        return new Queue<SequenceInspection>(sequences.Select(s => inspections[s.Oid]));
    }

    private static long? Floor(IReadOnlyDictionary<string, long> floors, CatalogSequence sequence) =>
        floors.TryGetValue(sequence.Name, out var floor) ? floor : null;

    // Settles the sequences that need no column probe: unreadable, unmeasurable, hidden, or failed to read.
    private static SequenceInspection? Precheck(CatalogSequence sequence, SessionInfo session, Dictionary<uint, ProbeResult<SequenceState>> states)
    {
        if (!sequence.CanRead)
        {
            return new SequenceInspection(sequence, null, null, Verdict.Failed(Failure.PermissionDenied(Phrases.SequenceNotReadable(session.User, sequence.Name))));
        }

        if (session.InRecovery && sequence.Unlogged)
        {
            return new SequenceInspection(sequence, null, null, Verdict.Failed(StandbyUnlogged(Phrases.SequenceSubject(sequence.Name))));
        }

        var (state, failure) = states[sequence.Oid];
        if (failure is not null)
        {
            return new SequenceInspection(sequence, null, null, Verdict.Failed(failure));
        }

        var next = DriftDiagnosis.NextValue(sequence.Definition, state);
        if (sequence.Columns.Count == 0)
        {
            var unlinked = sequence.AmbiguousCandidates.Count > 0
                ? new Failure(SequenceStatus.Unlinked, Finding.AmbiguousName, Phrases.AmbiguousName(sequence.Name, string.Join(", ", sequence.AmbiguousCandidates)))
                : new Failure(SequenceStatus.Unlinked, Finding.NoColumn, Phrases.Unlinked(sequence.Name));
            return new SequenceInspection(sequence, state, null, Verdict.Failed(unlinked, next));
        }

        if (!sequence.MeasuredColumns.Any())
        {
            var first = sequence.Columns[0];
            var reason = Phrases.ColumnSkipped(first.QualifiedName, first.Link.SkipReason!);
            return new SequenceInspection(sequence, state, null, Verdict.Failed(new Failure(SequenceStatus.Skipped, Finding.NotMeasurable, reason), next));
        }

        return Blocked(sequence, session) is { } blocked ? new SequenceInspection(sequence, state, null, Verdict.Failed(blocked, next)) : null;
    }

    // A measured column that the role cannot read in full, here: MAX of part of the data would be a wrong answer.
    private static Failure? Blocked(CatalogSequence sequence, SessionInfo session)
    {
        foreach (var column in sequence.MeasuredColumns)
        {
            if (!column.CanRead)
            {
                return Failure.PermissionDenied(Phrases.ColumnNotReadable(session.User, column.QualifiedName, column.Table));
            }

            if (column.RowSecurity != RowSecurity.None)
            {
                var reason = column.RowSecurity == RowSecurity.Forced
                    ? Phrases.RowSecurityForced(session.User, column.Table)
                    : Phrases.RowSecurityApplies(session.User, column.Table);
                return new Failure(SequenceStatus.Error, Finding.RowSecurity, reason);
            }

            if (session.InRecovery && column.TableUnlogged)
            {
                return StandbyUnlogged(Phrases.TableSubject(column.Table));
            }
        }

        return null;
    }

    private static Failure StandbyUnlogged(Phrase relation) => new(SequenceStatus.Skipped, Finding.StandbyUnlogged, Phrases.StandbyUnlogged(relation));
}
