using System.Runtime.CompilerServices;
using PgSeq.Catalog;
using PgSeq.Diagnosis;
using PgSeq.Probing;
using PgSeq.Session;

namespace PgSeq.Inspection;

/// <summary>Discovers the sequences in scope, reads their state and their columns, and diagnoses each.</summary>
internal static class DriftInspector
{
    /// <summary>
    /// Inspects every sequence in scope in name order, <see cref="SequenceCatalog.WindowSize"/> at a time; failures on one sequence become
    /// its verdict, never the run's. Each window is fetched from the catalog, read, probed and diagnosed when the caller
    /// asks for it, so the run holds one window of the catalog at a time.
    /// </summary>
    /// <param name="workers">The connections to the database examined.</param>
    /// <param name="options">Scope and timeouts.</param>
    /// <param name="policy">How far a repair would move a sequence.</param>
    /// <param name="floors">After a migration, the next value of each source sequence by name: a floor for the target's.</param>
    /// <param name="lookUpNextValue">Whether to find out if a drifted sequence's very next value is taken (for the report).</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async IAsyncEnumerable<IReadOnlyList<SequenceInspection>> InspectAsync(
        Workers workers, CheckOptions options, RepairPolicy policy, IReadOnlyDictionary<string, long> floors, bool lookUpNextValue,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        new ProgressCounter(options.Progress, RunPhase.Discovering, 0).Start();
        var filter = new RelationFilter(options);
        Run? run = null;
        await foreach (var fetched in SequenceCatalog.ReadAsync(workers.Main, options, cancellationToken))
        {
            // The phases' totals grow window by window, as the catalog is read.
            run ??= new Run(workers, options, policy, floors, lookUpNextValue,
                new ProgressCounter(options.Progress, RunPhase.ReadingSequences, 0).Start(),
                new ProgressCounter(options.Progress, RunPhase.Measuring, 0).Start());
            var window = filter.Apply(fetched).ToArray();
            run.Reading.Grow(window.Count(s => s.CanRead));
            run.Measuring.Grow(window.Sum(s => s.MeasuredColumns.Count()));
            if (window.Length > 0)
            {
                yield return await run.InspectAsync(window, cancellationToken);
            }
        }
    }

    // One run's inspection of its windows, with what every window needs.
    private sealed class Run(
        Workers workers, CheckOptions options, RepairPolicy policy, IReadOnlyDictionary<string, long> floors, bool lookUpNextValue,
        ProgressCounter reading, ProgressCounter measuring)
    {
        public ProgressCounter Reading => reading;

        public ProgressCounter Measuring => measuring;

        public async Task<IReadOnlyList<SequenceInspection>> InspectAsync(CatalogSequence[] window, CancellationToken cancellationToken)
        {
            var session = workers.Session;

            // A standby keeps no data for unlogged sequences: reading one fails.
            var readable = window.Where(s => s.CanRead && !(session.InRecovery && s.Unlogged)).ToList();
            var stateRows = await workers.RunAsync(readable, (connection, slice) => SequenceStateReader.ReadAsync(connection, workers.InTransaction, slice, options, reading.Add, cancellationToken), cancellationToken);
            var states = readable.Zip(stateRows).ToDictionary(p => p.First.Oid, p => p.Second);

            var inspections = new SequenceInspection[window.Length];
            var probeTargets = new List<(CatalogSequence Sequence, long? NextValue)>();
            var probed = new List<int>();
            var comparable = new List<(CatalogSequence Sequence, long NextValue)>();
            var compared = new List<int>();
            for (var i = 0; i < window.Length; i++)
            {
                var sequence = window[i];
                if (Precheck(sequence, session, states) is not { } early)
                {
                    probeTargets.Add((sequence, DriftDiagnosis.NextValue(sequence.Definition, states[sequence.Oid].Value)));
                    probed.Add(i);
                    continue;
                }

                inspections[i] = early;
                if (early.Verdict is { Finding: Finding.NotMeasurable, NextValue: { } next } && sequence.ComparableColumns.Any())
                {
                    comparable.Add((sequence, next));
                    compared.Add(i);
                }
            }

            var extremes = await workers.RunAsync(probeTargets, (connection, slice) => ColumnExtremeProbe.ReadAsync(connection, workers.InTransaction, slice, options, lookUpNextValue, measuring.Add, cancellationToken), cancellationToken);
            for (var k = 0; k < probeTargets.Count; k++)
            {
                var sequence = probeTargets[k].Sequence;
                var state = states[sequence.Oid].Value;
                inspections[probed[k]] = extremes[k].Failure is { } failure
                    ? new SequenceInspection(sequence, state, null, Verdict.Failed(failure))
                    : new SequenceInspection(sequence, state, extremes[k].Value, DriftDiagnosis.Diagnose(sequence.Definition, state, extremes[k].Value, policy, Floor(floors, sequence), sequence.ApplicationAllocates));
            }

            var reached = await workers.RunAsync(comparable, (connection, slice) => ComparableProbe.ReadAsync(connection, workers.InTransaction, slice, options, cancellationToken), cancellationToken);
            for (var k = 0; k < comparable.Count; k++)
            {
                if (reached[k])
                {
                    var (sequence, next) = comparable[k];
                    var skipped = inspections[compared[k]];
                    var column = sequence.ComparableColumns.First();
                    var reason = Phrases.WouldCollide(skipped.Verdict.Reason, next, sequence.Definition.Descending ? "MIN" : "MAX", $"{column.QualifiedName} {column.Link.ColumnType}");
                    inspections[compared[k]] = skipped with { Verdict = Verdict.Failed(new Failure(SequenceStatus.Skipped, Finding.WouldCollide, reason), next) };
                }
            }

            return inspections;
        }
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

            if (column.RowSecurity != RowFilter.None)
            {
                var reason = column.RowSecurity == RowFilter.Forced
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
