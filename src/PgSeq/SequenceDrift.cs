using System.Data;
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
/// application. Drift is a result, not an exception: every method returns a <see cref="DriftReport"/>.
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        options ??= new CheckOptions();
        var session = await SessionSetup.PrepareAsync(connection, options, cancellationToken);
        await using var workers = new Workers(connection, dataSource, options);
        return await CheckOnAsync(workers, session, options, cancellationToken);
    }

    /// <summary>
    /// Examines the sequences through the caller's open connection, inside its transaction if it has one (so the check
    /// sees the transaction's own rows). The connection's statement and lock timeouts are restored afterwards.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="options">Scope and timeouts; defaults examine every user schema.</param>
    /// <param name="cancellationToken">Cancels the running query.</param>
    public static async Task<DriftReport> CheckAsync(NpgsqlConnection connection, CheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureOpen(connection);
        options ??= new CheckOptions();
        var inTransaction = await InTransactionAsync(connection, cancellationToken);
        var session = await SessionSetup.PrepareAsync(connection, options, cancellationToken);
        try
        {
            await using var workers = new Workers(connection, null, options, inTransaction);
            return await CheckOnAsync(workers, session, options, cancellationToken);
        }
        finally
        {
            await SessionSetup.RestoreAsync(connection, session);
        }
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
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var session = await SessionSetup.PrepareAsync(connection, options, cancellationToken);
        await using var workers = new Workers(connection, dataSource, options);
        return await FixOnAsync(workers, session, options, RepairBoundary.Transaction, cancellationToken);
    }

    /// <summary>
    /// Repairs through the caller's open connection, which must not be inside a transaction: each sequence in its own
    /// short transaction, as with a data source. To repair inside your transaction, pass the transaction instead. The
    /// connection's statement and lock timeouts are restored afterwards.
    /// </summary>
    /// <param name="connection">An open connection with no transaction in progress.</param>
    /// <param name="options">Scope, timeouts, and how to repair.</param>
    /// <param name="cancellationToken">Stops the run: the sequence being repaired is rolled back and a
    /// <see cref="RepairInterruptedException"/> carries what was done.</param>
    /// <exception cref="PgSeqException">The server is read-only (a hot standby, or read-only transactions by default).</exception>
    public static async Task<DriftReport> FixAsync(NpgsqlConnection connection, FixOptions? options = null, CancellationToken cancellationToken = default)
    {
        EnsureOpen(connection);
        if (await InTransactionAsync(connection, cancellationToken))
        {
            throw new ArgumentException("the connection has a transaction in progress; pass that transaction to FixAsync to repair inside it", nameof(connection));
        }

        options ??= new FixOptions();
        var session = await SessionSetup.PrepareAsync(connection, options, cancellationToken);
        try
        {
            await using var workers = new Workers(connection, null, options);
            return await FixOnAsync(workers, session, options, RepairBoundary.Transaction, cancellationToken);
        }
        finally
        {
            await SessionSetup.RestoreAsync(connection, session);
        }
    }

    /// <summary>
    /// Repairs inside the caller's transaction, for example at the end of a data import, so that the rows and the
    /// sequences commit together. Each sequence is repaired under a savepoint (a sequence that cannot be locked in time
    /// is rolled back alone and reported <see cref="SequenceStatus.Busy"/>); its locks, which hold off writers and
    /// nextval() callers, stay until the caller commits or rolls back. The connection's statement and lock timeouts
    /// are restored afterwards.
    /// </summary>
    /// <param name="transaction">The caller's open transaction.</param>
    /// <param name="options">Scope, timeouts, and how to repair.</param>
    /// <param name="cancellationToken">Stops the run: the sequence being repaired is rolled back to its savepoint.</param>
    /// <exception cref="PgSeqException">The transaction is read-only, or the server is a hot standby.</exception>
    public static async Task<DriftReport> FixAsync(NpgsqlTransaction transaction, FixOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        var connection = await OpenTransactionConnectionAsync(transaction, cancellationToken);
        options ??= new FixOptions();
        var session = await SessionSetup.PrepareAsync(connection, options, cancellationToken);
        try
        {
            await using var workers = new Workers(connection, null, options, inTransaction: true);
            return await FixOnAsync(workers, session, options, RepairBoundary.Savepoint, cancellationToken);
        }
        finally
        {
            await SessionSetup.RestoreAsync(connection, session);
        }
    }

    private static async Task<DriftReport> CheckOnAsync(Workers workers, SessionInfo session, CheckOptions options, CancellationToken cancellationToken)
    {
        var source = await MigrationSource.ReadAsync(options, cancellationToken);
        var inspections = await DriftInspector.InspectAsync(workers, session, options, RepairPolicy.Default, source.Floors, lookUpNextValue: true, cancellationToken);
        var reports = new ReportFactory(options, source.Floors);
        var sequences = new SequenceReport[inspections.Count];
        for (var i = 0; inspections.TryDequeue(out var inspection); i++)
        {
            sequences[i] = reports.Checked(inspection);
        }

        return Report(session, sequences, source);
    }

    private static async Task<DriftReport> FixOnAsync(
        Workers workers, SessionInfo session, FixOptions options, RepairBoundary boundary, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(options.Margin);
        var policy = new RepairPolicy(options.Margin, options.AllowRewind);
        if (!options.DryRun)
        {
            EnsureWritable(session);
        }

        var source = await MigrationSource.ReadAsync(options, cancellationToken);
        var inspections = await DriftInspector.InspectAsync(workers, session, options, policy, source.Floors, lookUpNextValue: options.DryRun, cancellationToken);
        var factory = new ReportFactory(options, source.Floors);
        var hold = RepairScript.HoldFor(boundary, session.VersionNumber);
        var reports = new SequenceReport[inspections.Count];
        var jobs = new List<RepairJob>();
        for (var i = 0; inspections.TryDequeue(out var inspection); i++)
        {
            if (inspection.Verdict.Move is not { } move || (inspection.Sequence.Inferred && !options.InferLinks))
            {
                reports[i] = factory.Checked(inspection);
                continue;
            }

            var floor = source.Floors.TryGetValue(inspection.Sequence.Name, out var f) ? f : (long?)null;
            var script = Script(inspection, move, policy, options, floor, hold);
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
                // Its report is written when the job is recorded: repaired, failed, or (interrupted) as checked.
                jobs.Add(new RepairJob(i, inspection, floor, script));
            }
        }

        var repairing = new ProgressCounter(options.Progress, RunPhase.Repairing, jobs.Count).Start();
        try
        {
            await workers.RunAsync(jobs, (connection, slice) => RepairExecutor.RunAsync(connection, slice, policy, options, boundary, hold, repairing.Add, cancellationToken), cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Record(jobs, factory, reports);
            throw new RepairInterruptedException(Report(session, reports, source), cancellationToken);
        }

        Record(jobs, factory, reports);
        return Report(session, reports, source);
    }

    private static Func<string> Script(Inspection.Inspection inspection, SequenceMove move, RepairPolicy policy, CheckOptions options, long? floor, SequenceHold hold)
    {
        var checkedNext = inspection.Verdict.NextValue;
        return () => RepairScript.Render(inspection.Sequence, policy, options, floor, hold,
            $"next value {checkedNext?.ToString(CultureInfo.InvariantCulture) ?? "none"} → {move.NextValue.ToString(CultureInfo.InvariantCulture)} when checked");
    }

    private static void Record(List<RepairJob> jobs, ReportFactory factory, SequenceReport[] reports)
    {
        foreach (var job in jobs)
        {
            reports[job.Index] = (job.Failure, job.Result) switch
            {
                ({ } failure, _) => factory.Failed(job.Inspection, failure),
                (_, { } result) => factory.Repaired(job.Inspection, result, job.Script),
                _ => factory.Checked(job.Inspection),
            };
        }
    }

    private static void EnsureOpen(NpgsqlConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != ConnectionState.Open)
        {
            throw new ArgumentException("the connection must be open", nameof(connection));
        }
    }

    // The repairs use savepoints, which exist only inside a transaction block; a finished NpgsqlTransaction may still
    // hand out its connection, so ask the server.
    private static async Task<NpgsqlConnection> OpenTransactionConnectionAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var connection = transaction.Connection ?? throw new ArgumentException("the transaction has already ended", nameof(transaction));
        EnsureOpen(connection);
        return await InTransactionAsync(connection, cancellationToken)
            ? connection
            : throw new ArgumentException("the transaction has already ended", nameof(transaction));
    }

    private static async Task<bool> InTransactionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await using var probe = new NpgsqlCommand($"SAVEPOINT {RepairScript.Savepoint}; RELEASE SAVEPOINT {RepairScript.Savepoint}", connection);
            await probe.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.NoActiveSqlTransaction)
        {
            return false;
        }
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
