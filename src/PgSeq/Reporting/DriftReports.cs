using PgSeq.Cutover;
using PgSeq.Diagnosis;
using PgSeq.Inspection;
using PgSeq.Repair;
using PgSeq.Session;

namespace PgSeq.Reporting;

/// <summary>A check or a fix on prepared connections, from inspection through repair to the report: the one place
/// where the layers meet.</summary>
internal static class DriftReports
{
    /// <summary>Inspects every sequence in scope and reports on each; reads only.</summary>
    public static async Task<DriftReport> CheckAsync(Workers workers, CheckOptions options, CancellationToken cancellationToken)
    {
        var source = await MigrationSource.ReadAsync(options, cancellationToken);
        var inspections = await DriftInspector.InspectAsync(workers, options, RepairPolicy.Default, source.Floors, lookUpNextValue: true, cancellationToken);
        var factory = new ReportFactory(options, source.Floors);
        var reports = new SequenceReport[inspections.Count];
        for (var i = 0; inspections.TryDequeue(out var inspection); i++)
        {
            reports[i] = factory.Checked(inspection);
        }

        return Report(workers.Session, reports, source);
    }

    /// <summary>Inspects every sequence in scope, repairs the drifted ones, and reports the state each was left in.</summary>
    /// <exception cref="PgSeqException">The session cannot write (and this is not a dry run).</exception>
    /// <exception cref="RepairInterruptedException">Cancelled; carries what was done.</exception>
    public static async Task<DriftReport> FixAsync(Workers workers, FixOptions options, RepairBoundary boundary, CancellationToken cancellationToken)
    {
        if (!options.DryRun)
        {
            workers.Session.EnsureWritable();
        }

        var source = await MigrationSource.ReadAsync(options, cancellationToken);
        var run = new FixRun(workers, options, boundary, source.Floors);
        var inspections = await DriftInspector.InspectAsync(workers, options, run.Policy, source.Floors, lookUpNextValue: options.DryRun, cancellationToken);
        var factory = new ReportFactory(options, source.Floors);
        var reports = new SequenceReport[inspections.Count];
        try
        {
            await run.RunAsync(inspections, (index, decision) => reports[index] = factory.Fixed(decision), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw new RepairInterruptedException(Report(workers.Session, reports, source), cancellationToken);
        }

        return Report(workers.Session, reports, source);
    }

    private static DriftReport Report(SessionInfo session, IReadOnlyList<SequenceReport> sequences, MigrationSource source)
    {
        var counter = new SummaryCounter();
        foreach (var sequence in sequences)
        {
            counter.Add(sequence);
        }

        return new DriftReport
        {
            Database = session.Database,
            ServerVersion = session.ServerVersion,
            OnStandby = session.InRecovery,
            Sequences = sequences,
            Summary = counter.Summary,
            LongestLockHeld = counter.LongestLockHeld,
            Cutover = source.Database is null ? null : SourceReader.Compare(source.Database, source.Sequences, sequences),
        };
    }
}
