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
    /// <param name="floors">After a migration, the next value of each source sequence by name: a floor for the target's.</param>
    /// <param name="lookUpNextValue">Whether to find out if a drifted sequence's very next value is taken (for the report).</param>
    /// <param name="scope">Told how many sequences are in scope, and how many of them have been taken into windows.</param>
    /// <param name="cancellationToken">Cancels the queries.</param>
    public static async IAsyncEnumerable<IReadOnlyList<SequenceInspection>> InspectAsync(
        Workers workers,
        CheckOptions options,
        RepairPolicy policy,
        IReadOnlyDictionary<string, long> floors,
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
            inspection ??= new WindowInspection(workers, options, policy, floors, lookUpNextValue, scope.InScope ?? 0);
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
        Workers workers, CheckOptions options, RepairPolicy policy, IReadOnlyDictionary<string, long> floors, bool lookUpNextValue, int inScope)
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

        // Reads MAX/MIN of the measured columns (and, where it matters, whether the next value is taken) and diagnoses.
        private async Task MeasureAsync(List<Slot> probed, CancellationToken cancellationToken)
        {
            var extremes = await workers.RunAsync(
                [.. probed.Select(s => (s.Sequence, DriftDiagnosis.NextValue(s.Sequence.Definition, s.State!.Value.Value)))],
                (connection, slice) => ColumnExtremeProbe.ReadAsync(
                    connection, workers.InTransaction, slice, options, lookUpNextValue, _measuring.Add, cancellationToken),
                cancellationToken).ConfigureAwait(false);
            foreach (var (slot, (columns, failure)) in probed.Zip(extremes))
            {
                if (failure is not null)
                {
                    slot.Verdict = Verdict.Failed(failure);
                    continue;
                }

                slot.Columns = columns;
                var floor = floors.TryGetValue(slot.Sequence.Name, out var f) ? f : (long?)null;
                slot.Verdict = DriftDiagnosis.Diagnose(
                    slot.Sequence.Definition, slot.State!.Value.Value, columns, policy, floor, slot.Sequence.ApplicationAllocates);
            }
        }

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

        /// <summary>The verdict, once a phase settled it.</summary>
        public Verdict? Verdict { get; set; }
    }
}
