using PgSeq.Diagnosis;
using PgSeq.Inspection;
using PgSeq.Session;

namespace PgSeq.Repair;

/// <summary>
/// The repairs of one fix run: decides for each inspected sequence whether it is moved (and whether the role may),
/// runs the moves as repair transactions spread over the workers, and settles every sequence with its
/// <see cref="RepairDecision"/> as soon as that is known.
/// </summary>
internal sealed class FixRun
{
    private readonly Workers _workers;
    private readonly FixOptions _options;
    private readonly RepairBoundary _boundary;
    private readonly SequenceHold _hold;
    private readonly CapacityThresholds _thresholds;
    private ProgressCounter? _repairing;

    /// <param name="workers">The connections, with what the session may do.</param>
    /// <param name="options">Scope, timeouts and how to repair.</param>
    /// <param name="boundary">Each repair in its own transaction, or under a savepoint of the caller's.</param>
    public FixRun(Workers workers, FixOptions options, RepairBoundary boundary)
    {
        _workers = workers;
        _options = options;
        _boundary = boundary;
        _hold = RepairScript.HoldFor(boundary, workers.Session.VersionNumber);
        _thresholds = CapacityThresholds.Of(options);
        Policy = new RepairPolicy(options.Margin, options.AllowRewind);
    }

    /// <summary>How far the run moves sequences; the inspection must diagnose with it.</summary>
    public RepairPolicy Policy { get; }

    /// <summary>
    /// Repairs what needs it among <paramref name="inspections"/> (one window of the run; called once per window,
    /// <paramref name="lastWindow"/> for the last) and hands each, by its position, to
    /// <paramref name="settle"/>: at once when nothing is to be done, else once its repair transaction ends. A cancelled
    /// or broken run still settles every sequence (those not reached as unchanged) before the exception propagates.
    /// </summary>
    public async Task RunAsync(
        IReadOnlyList<SequenceInspection> inspections, bool lastWindow, Action<int, RepairDecision> settle, CancellationToken cancellationToken)
    {
        var pending = new List<(int Index, RepairJob Job, SequenceInspection Inspection, Func<string> Script)>();
        for (var index = 0; index < inspections.Count; index++)
        {
            var inspection = inspections[index];
            if (inspection.Verdict.Move is not { } move)
            {
                settle(index, RepairDecision.Unchanged(inspection));
                continue;
            }

            var (floor, lattice) = (inspection.Verdict.Floor, inspection.Verdict.Lattice);
            var checkedNext = inspection.Verdict.NextValue;
            var plan = Phrases.ScriptPlan(checkedNext, move.NextValue);
            var script = () => RepairScript.Render(new RepairJob(inspection.Sequence, floor, lattice), Policy, _options, _hold, plan);
            if (RepairRefusal.Of(inspection.Sequence, _workers.Session.User) is { } refusal)
            {
                settle(index, Failed(inspection, refusal));
            }
            else if (_options.DryRun)
            {
                settle(index, RepairDecision.Planned(inspection, move, script));
            }
            else
            {
                pending.Add((index, new RepairJob(inspection.Sequence, floor, lattice), inspection, script));
            }
        }

        var repairing = _repairing ??= new ProgressCounter(_options.Progress, RunPhase.Repairing);
        repairing.Grow(pending.Count, lastWindow);
        try
        {
            await _workers.RunAsync(
                [.. pending.Select(p => p.Job)],
                (connection, slice) =>
                    RepairExecutor.RunAsync(connection, slice, Policy, _options, _boundary, _hold, repairing.Add, cancellationToken),
                cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            foreach (var (index, job, inspection, script) in pending)
            {
                settle(index, job switch
                {
                    { Failure: { } failure } => Failed(inspection, failure),
                    { Result: { } result } => RepairDecision.Repaired(inspection, result, AfterRepair(inspection, result), script),
                    _ => RepairDecision.Unchanged(inspection),
                });
            }
        }
    }

    // The verdict on what a committed repair transaction left.
    private Verdict AfterRepair(SequenceInspection inspection, RepairResult result) =>
        Judgement.AfterRepair(inspection.Sequence, result.Before, result.Moved, result.Extreme, inspection.Verdict.Lattice, _thresholds);

    // A refused or failed repair: the sequence as checked, with the failure as its verdict.
    private RepairDecision Failed(SequenceInspection inspection, Failure failure) =>
        RepairDecision.Failed(inspection, Judgement.Complete(
            Verdict.Failed(failure, inspection.Verdict.NextValue), inspection.Sequence, inspection.State, inspection.Columns?.Extreme, _thresholds));
}
