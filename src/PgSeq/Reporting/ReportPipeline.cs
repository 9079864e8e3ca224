using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using PgSeq.Catalog;
using PgSeq.Cutover;
using PgSeq.Diagnosis;
using PgSeq.Inspection;
using PgSeq.Repair;
using PgSeq.Session;

namespace PgSeq.Reporting;

/// <summary>A check or a fix on prepared connections, from inspection through repair to the reports, one sequence at a
/// time: the one place where the layers meet.</summary>
internal static class ReportPipeline
{
    /// <summary>Opens a check: the patterns are held to <see cref="CheckOptions.StrictNames"/> and the source of a
    /// migration is read now, the sequences when they are read.</summary>
    /// <exception cref="PgSeqException">A pattern matches nothing, with <see cref="CheckOptions.StrictNames"/>.</exception>
    public static async Task<DriftReportReader> OpenCheckAsync(Workers workers, CheckOptions options, CancellationToken cancellationToken)
    {
        await NamePatterns.EnsureEachMatchesAsync(workers.Main, options, workers.Session.Database, cancellationToken).ConfigureAwait(false);
        var source = await MigrationSource.ReadAsync(options, cancellationToken).ConfigureAwait(false);
        var totals = new ReportTotals(source, new ScopeProgress());
        return new DriftReportReader(workers, totals, token => CheckAsync(workers, options, source, totals, token));
    }

    /// <summary>Opens a fix: refuses a session that cannot write (unless only planning), reads the source of a migration.</summary>
    /// <exception cref="PgSeqException">The session cannot write (and this is not a dry run).</exception>
    public static async Task<DriftReportReader> OpenFixAsync(
        Workers workers, FixOptions options, RepairBoundary boundary, CancellationToken cancellationToken)
    {
        if (!options.DryRun)
        {
            workers.Session.EnsureWritable();
        }

        await NamePatterns.EnsureEachMatchesAsync(workers.Main, options, workers.Session.Database, cancellationToken).ConfigureAwait(false);
        var source = await MigrationSource.ReadAsync(options, cancellationToken).ConfigureAwait(false);
        var totals = new ReportTotals(source, new ScopeProgress());
        return new DriftReportReader(workers, totals, token => FixAsync(workers, options, boundary, source, totals, token));
    }

    // Inspects every sequence in scope and reports on each; reads only.
    private static async IAsyncEnumerable<SequenceReport> CheckAsync(
        Workers workers,
        CheckOptions options,
        MigrationSource source,
        ReportTotals totals,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var factory = new ReportFactory(source.Positions);
        await foreach (var window in DriftInspector.InspectAsync(
            workers, options, RepairPolicy.Default, source.Positions, lookUpNextValue: true, totals.Scope, cancellationToken).ConfigureAwait(false))
        {
            foreach (var inspection in window)
            {
                var report = factory.Checked(inspection);
                totals.Add(report);
                yield return report;
            }
        }

        totals.End(interrupted: false);
    }

    // Inspects every sequence in scope, repairs the drifted ones window by window, and reports the state each was left
    // in. Cancelled, it still reports the window it was repairing (each sequence repaired or rolled back), then stops.
    private static async IAsyncEnumerable<SequenceReport> FixAsync(
        Workers workers,
        FixOptions options,
        RepairBoundary boundary,
        MigrationSource source,
        ReportTotals totals,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var run = new FixRun(workers, options, boundary);
        var factory = new ReportFactory(source.Positions);
        var windows = DriftInspector.InspectAsync(
                workers, options, run.Policy, source.Positions, lookUpNextValue: options.DryRun, totals.Scope, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        await using var windowsScope = windows.ConfigureAwait(false);
        while (true)
        {
            // Cancelled between windows, the run is as interrupted as within one: earlier windows were repaired.
            try
            {
                if (!await windows.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                totals.End(interrupted: true);
                throw;
            }

            var window = windows.Current;
            var reports = new SequenceReport?[window.Count];
            var interrupted = false;
            ExceptionDispatchInfo? failure = null;
            try
            {
                void Settle(int index, RepairDecision decision) => reports[index] = factory.Fixed(decision);
                await run.RunAsync(window, totals.Scope.AllWindowed, Settle, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                interrupted = true;
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                // A failure part-way (a lost connection): what was repaired before it is reported all the same.
                failure = ExceptionDispatchInfo.Capture(error);
            }

            foreach (var report in reports.OfType<SequenceReport>())
            {
                totals.Add(report);
                yield return report;
            }

            failure?.Throw();
            if (interrupted)
            {
                totals.End(interrupted: true);
                throw new OperationCanceledException(cancellationToken);
            }
        }

        totals.End(interrupted: false);
    }
}
