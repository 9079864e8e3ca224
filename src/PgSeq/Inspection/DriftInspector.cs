using System.Runtime.CompilerServices;
using PgSeq.Catalog;
using PgSeq.Diagnosis;
using PgSeq.Probing;
using PgSeq.Session;

namespace PgSeq.Inspection;

/// <summary>Discovers the sequences in scope, reads their state and their columns, and has each diagnosed.</summary>
internal static class DriftInspector
{
    /// <summary>
    /// Inspects every sequence in scope in name order, <see cref="SequenceCatalog.WindowSize"/> at a time; failures on one
    /// sequence become its verdict, never the run's. Each window is fetched from the catalog, read, probed and diagnosed
    /// when the caller asks for it, so the run holds one window of the catalog at a time.
    /// </summary>
    /// <param name="workers">The connections to the database examined.</param>
    /// <param name="options">Scope, timeouts and capacity thresholds.</param>
    /// <param name="policy">How far a repair would move a sequence.</param>
    /// <param name="sources">After a migration, each source sequence and its next value by name.</param>
    /// <param name="lookUpNextValue">Whether to find out if a drifted sequence's very next value is taken (for the report).</param>
    /// <param name="scope">Told how many sequences are in scope, and how many of them have been taken into windows.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async IAsyncEnumerable<IReadOnlyList<SequenceInspection>> InspectAsync(
        Workers workers,
        CheckOptions options,
        RepairPolicy policy,
        IReadOnlyDictionary<string, SourcePosition> sources,
        bool lookUpNextValue,
        ScopeProgress scope,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        new ProgressCounter(options.Progress, RunPhase.Discovering).Start();
        var filter = new RelationFilter(options);
        WindowInspection? inspection = null;
        await foreach (var fetched in SequenceCatalog.ReadAsync(workers.Main, options, scope.Counted, cancellationToken).ConfigureAwait(false))
        {
            // The sequences to read are counted before the first window; the columns to measure grow window by window.
            inspection ??= new WindowInspection(workers, options, policy, sources, lookUpNextValue, scope.InScope ?? 0);
            var window = filter.Apply(fetched).ToArray();
            scope.Windowed(window.Length);
            inspection.Grow(window, scope.AllWindowed);
            if (window.Length > 0)
            {
                yield return await inspection.InspectAsync(window, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    // One run's inspection of its windows: each window passes the phases in order, each sequence in a slot of its own
    // that every phase reads and fills in.
    private sealed class WindowInspection(
        Workers workers,
        CheckOptions options,
        RepairPolicy policy,
        IReadOnlyDictionary<string, SourcePosition> sources,
        bool lookUpNextValue,
        int inScope)
    {
        private readonly ProgressCounter _reading = Reading(options, inScope);
        private readonly ProgressCounter _measuring = new ProgressCounter(options.Progress, RunPhase.Measuring).Start();
        private readonly SessionInfo _session = workers.Session;
        private readonly CapacityThresholds _thresholds = CapacityThresholds.Of(options);

        public void Grow(CatalogSequence[] window, bool last) => _measuring.Grow(window.Sum(s => s.MeasuredColumns.Count()), last);

        public async Task<IReadOnlyList<SequenceInspection>> InspectAsync(CatalogSequence[] window, CancellationToken cancellationToken)
        {
            var slots = window.Select(sequence => new Slot(sequence)).ToList();
            await ReadStatesAsync(slots, cancellationToken).ConfigureAwait(false);
            var probed = Settle(slots);
            await MeasureAsync(probed, cancellationToken).ConfigureAwait(false);
            await CompareSkippedAsync(slots, cancellationToken).ConfigureAwait(false);
            return [.. slots.Select(Inspection)];
        }

        // Reads the position of every sequence that can be read.
        private async Task ReadStatesAsync(List<Slot> slots, CancellationToken cancellationToken)
        {
            var readable = slots.Where(s => Prechecks.StateReadable(s.Sequence, _session.InRecovery)).ToList();
            var states = await workers.RunAsync(
                [.. readable.Select(s => s.Sequence)],
                (connection, slice) => SequenceStateReader.ReadAsync(
                    connection, workers.InTransaction, slice, options, _reading.Add, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            foreach (var (slot, state) in readable.Zip(states))
            {
                slot.State = state;
            }

            // Every sequence in scope counts for the phase, read or not, so that it ends at its total.
            _reading.Add(slots.Count - readable.Count);
        }

        private static ProgressCounter Reading(CheckOptions options, int inScope)
        {
            var reading = new ProgressCounter(options.Progress, RunPhase.ReadingSequences);
            reading.Total(inScope);
            return reading;
        }

        // Settles what needs no probe of the columns; returns the slots whose columns are to be measured.
        private List<Slot> Settle(List<Slot> slots)
        {
            foreach (var slot in slots)
            {
                slot.Verdict = Prechecks.Settle(slot.Sequence, slot.State, _session.User, _session.InRecovery);
            }

            return [.. slots.Where(s => s.Verdict is null)];
        }

        // Reads MAX/MIN of the measured columns, or the last value of the lattice in use; reads the state again of the
        // sequences the data seems to have passed; looks up, where it matters, whether the next value is taken; and
        // diagnoses.
        private async Task MeasureAsync(List<Slot> probed, CancellationToken cancellationToken)
        {
            foreach (var slot in probed)
            {
                // A sequence keeps its class as it hands out values, so the lattice of the first reading holds.
                slot.Lattice = NextValue(slot) is { } next ? LatticeRule.Of(slot.Sequence, next) : null;
            }

            var extremes = await workers.RunAsync(
                [.. probed.Select(s => (s.Sequence, NextValue(s), s.Lattice))],
                (connection, slice) =>
                    ColumnExtremeProbe.ReadAsync(connection, workers.InTransaction, slice, options, _measuring.Add, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            var measured = new List<Slot>(probed.Count);
            foreach (var (slot, (columns, failure)) in probed.Zip(extremes))
            {
                slot.Columns = failure is null ? columns : null;
                slot.Verdict = failure is null ? null : Verdict.Failed(failure);
                if (failure is null)
                {
                    measured.Add(slot);
                }
            }

            await ConfirmAsync([.. measured.Where(Suspect)], cancellationToken).ConfigureAwait(false);
            foreach (var slot in measured.Where(s => s.Verdict is null))
            {
                var source = sources.TryGetValue(slot.Sequence.Name, out var position) ? position : (SourcePosition?)null;
                var lattice = slot.Lattice is { } l
                    ? l with { RowsOutsideAhead = slot.Columns!.Value.OutsideAhead, RowsOutsideCapped = slot.Columns.Value.OutsideCapped }
                    : null;
                var state = slot.State!.Value.Value;
                slot.Verdict = DriftDiagnosis.Diagnose(
                    slot.Sequence.Definition, state, slot.Columns!.Value, policy, source, slot.Sequence.ApplicationAllocates, lattice);
            }
        }

        // The state was read before the data: a row inserted through the sequence in between would look ahead of it. Read
        // again after the data, the state is past every such row, so what is still behind is drift; then look up whether
        // its very next value is taken (for the report; CYCLE sequences are judged by it alone).
        private async Task ConfirmAsync(List<Slot> suspects, CancellationToken cancellationToken)
        {
            var states = await workers.RunAsync(
                [.. suspects.Select(s => s.Sequence)],
                (connection, slice) => SequenceStateReader.ReadAsync(connection, workers.InTransaction, slice, options, null, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            foreach (var (slot, state) in suspects.Zip(states))
            {
                slot.State = state;
                slot.Verdict = state.Failure is { } failure ? Verdict.Failed(failure) : null;
            }

            var lookups = suspects.Where(s => s.Verdict is null && (lookUpNextValue || s.Sequence.Definition.Cycle) && Suspect(s)).ToList();
            var taken = await workers.RunAsync(
                [.. lookups.Select(s => (s.Sequence, NextValue(s)!.Value))],
                (connection, slice) => ColumnExtremeProbe.TakenAsync(connection, workers.InTransaction, slice, options, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            foreach (var (slot, (isTaken, failure)) in lookups.Zip(taken))
            {
                slot.Columns = slot.Columns!.Value with { NextValueTaken = failure is null ? isTaken : null };
                slot.Verdict = failure is null ? null : Verdict.Failed(failure);
            }
        }

        private static long? NextValue(Slot slot) => DriftDiagnosis.NextValue(slot.Sequence.Definition, slot.State!.Value.Value);

        // A sequence the data may have passed, or a CYCLE sequence, which is judged by whether its next value is taken.
        private static bool Suspect(Slot slot) =>
            NextValue(slot) is { } next && slot.Columns?.Extreme is { } extreme
            && (slot.Sequence.Definition.Cycle || (slot.Sequence.Definition.Descending ? next >= extreme : next <= extreme));

        // Compares skipped sequences with their columns of numbers that are not integers.
        private async Task CompareSkippedAsync(List<Slot> slots, CancellationToken cancellationToken)
        {
            var compared = slots.Where(s => Prechecks.Comparable(s.Sequence, s.Verdict!)).ToList();
            var reached = await workers.RunAsync(
                [.. compared.Select(s => (s.Sequence, s.Verdict!.NextValue!.Value))],
                (connection, slice) => ComparableProbe.ReadAsync(connection, workers.InTransaction, slice, options, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            foreach (var (slot, collides) in compared.Zip(reached))
            {
                if (collides)
                {
                    slot.Verdict = Prechecks.WouldCollide(slot.Sequence, slot.Verdict!);
                }
            }
        }

        private SequenceInspection Inspection(Slot slot)
        {
            var state = slot.State is { Failure: null } read ? read.Value : (SequenceState?)null;
            var verdict = Judgement.Complete(slot.Verdict!, slot.Sequence, state, slot.Columns?.Extreme, _thresholds);
            return new SequenceInspection(slot.Sequence, state, slot.Columns, verdict);
        }
    }

    // One sequence on its way through the phases.
    private sealed class Slot(CatalogSequence sequence)
    {
        public CatalogSequence Sequence => sequence;

        /// <summary>Its position, once read; null when it cannot be read.</summary>
        public ProbeResult<SequenceState>? State { get; set; }

        /// <summary>What its measured columns hold, once probed.</summary>
        public ColumnExtremes? Columns { get; set; }

        /// <summary>The values the sequence can hand out, when it is judged by them.</summary>
        public Lattice? Lattice { get; set; }

        /// <summary>The verdict, once a phase settled it.</summary>
        public Verdict? Verdict { get; set; }
    }
}
