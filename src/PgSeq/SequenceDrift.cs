using System.Globalization;
using Npgsql;
using PgSeq.Cutover;
using PgSeq.Diagnosis;
using PgSeq.Inspection;
using PgSeq.Repair;
using PgSeq.Session;

namespace PgSeq;

/// <summary>
/// Finds sequences that fell behind the data they feed, and repairs them without lowering any sequence or racing the
/// application. Drift is a result, not an exception: both methods return a <see cref="DriftReport"/>.
/// </summary>
public static class SequenceDrift
{
    /// <summary>
    /// Examines every sequence that feeds a table column in scope and reports which will hand out a value that already
    /// exists. Reads only: the catalog, each sequence's state, and MAX/MIN of each linked column.
    /// </summary>
    /// <param name="dataSource">Where to connect.</param>
    /// <param name="options">Scope and timeouts; defaults examine every user schema.</param>
    /// <param name="cancellationToken">Cancels the running query.</param>
    public static async Task<DriftReport> CheckAsync(NpgsqlDataSource dataSource, CheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        options ??= new CheckOptions();
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var session = await SessionSetup.PrepareAsync(connection, options, cancellationToken);
        var source = await MigrationSource.ReadAsync(options, cancellationToken);
        var inspections = await DriftInspector.InspectAsync(connection, session, options, RepairPolicy.Default, source.Floors, cancellationToken);
        var reports = new ReportFactory(options, source.Floors);
        return Report(session, [.. inspections.Select(reports.Checked)], source);
    }

    /// <summary>
    /// Checks, then repairs every drifted sequence so that its next value is MAX + increment (MIN + increment when
    /// descending), plus <see cref="FixOptions.Margin"/>. Each sequence is repaired in its own short transaction that
    /// locks out writers and nextval() callers, re-reads MAX under those locks and only moves the sequence forward.
    /// Sequences whose locks are not granted within <see cref="CheckOptions.LockTimeout"/> are reported
    /// <see cref="SequenceStatus.Busy"/> and left unchanged.
    /// </summary>
    /// <param name="dataSource">Where to connect.</param>
    /// <param name="options">Scope, timeouts, and how to repair.</param>
    /// <param name="cancellationToken">Stops the run: the sequence being repaired is rolled back and a
    /// <see cref="RepairInterruptedException"/> carries what was done.</param>
    /// <exception cref="PgSeqException">The server is read-only (a hot standby, or read-only transactions by default).</exception>
    public static async Task<DriftReport> FixAsync(NpgsqlDataSource dataSource, FixOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        options ??= new FixOptions();
        ArgumentOutOfRangeException.ThrowIfNegative(options.Margin);
        var policy = new RepairPolicy(options.Margin, options.AllowRewind);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var session = await SessionSetup.PrepareAsync(connection, options, cancellationToken);
        if (!options.DryRun)
        {
            EnsureWritable(session);
        }

        var source = await MigrationSource.ReadAsync(options, cancellationToken);
        var inspections = await DriftInspector.InspectAsync(connection, session, options, policy, source.Floors, cancellationToken);
        var factory = new ReportFactory(options, source.Floors);
        var reports = inspections.Select(factory.Checked).ToArray();
        for (var i = 0; i < inspections.Count; i++)
        {
            var inspection = inspections[i];
            if (inspection.Verdict.Move is not { } move)
            {
                continue;
            }

            if (inspection.Sequence.Inferred && !options.InferLinks)
            {
                continue;
            }

            var plan = $"next value {inspection.Verdict.NextValue?.ToString(CultureInfo.InvariantCulture) ?? "none"} → {move.NextValue.ToString(CultureInfo.InvariantCulture)} when checked";
            var floor = source.Floors.TryGetValue(inspection.Sequence.Name, out var f) ? f : (long?)null;
            var script = RepairScript.Render(inspection.Sequence, policy, options, floor, plan);
            if (RepairPermission.Check(inspection.Sequence, session) is { } refusal)
            {
                reports[i] = factory.Failed(inspection, refusal);
            }
            else if (options.DryRun)
            {
                reports[i] = factory.Planned(inspection, move, script);
            }
            else
            {
                try
                {
                    var (result, failure) = await RepairExecutor.RunAsync(connection, inspection.Sequence, policy, options, floor, cancellationToken);
                    reports[i] = failure is null ? factory.Repaired(inspection, result!, script) : factory.Failed(inspection, failure);
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw new RepairInterruptedException(Report(session, reports, source), cancellationToken);
                }
            }
        }

        return Report(session, reports, source);
    }

    private static void EnsureWritable(SessionInfo session)
    {
        if (session.InRecovery)
        {
            throw new PgSeqException(Phrases.HotStandby(session.Database));
        }

        if (session.ReadOnly)
        {
            throw new PgSeqException(Phrases.ReadOnly(session.User, session.Database));
        }
    }

    private static DriftReport Report(SessionInfo session, IReadOnlyList<SequenceReport> sequences, MigrationSource source) => new()
    {
        Database = session.Database,
        ServerVersion = session.ServerVersion,
        Sequences = sequences,
        Cutover = source.Database is null ? null : SourceReader.Compare(source.Database, source.Sequences, sequences),
    };
}
