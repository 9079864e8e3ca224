using Npgsql;
using PgSeq.Repair;
using PgSeq.Reporting;
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
    /// <exception cref="InvalidPatternException">A schema or table pattern cannot be parsed.</exception>
    /// <exception cref="PgSeqException">A pattern matches nothing, with <see cref="CheckOptions.StrictNames"/>.</exception>
    public static async Task<DriftReport> CheckAsync(
        NpgsqlDataSource dataSource, CheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        var reader = await OpenCheckAsync(dataSource, options, cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.CollectAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Like <see cref="CheckAsync(NpgsqlDataSource, CheckOptions?, CancellationToken)"/>, but hands out the sequences one
    /// at a time as they are checked, for databases with more sequences than their reports should take memory for.
    /// </summary>
    /// <param name="dataSource">Where to connect.</param>
    /// <param name="options">Scope and timeouts; defaults examine every user schema.</param>
    /// <param name="cancellationToken">Cancels opening the reader.</param>
    /// <returns>The reader; dispose it to close its connections.</returns>
    /// <exception cref="InvalidPatternException">A schema or table pattern cannot be parsed.</exception>
    /// <exception cref="PgSeqException">A pattern matches nothing, with <see cref="CheckOptions.StrictNames"/>.</exception>
    public static async Task<DriftReportReader> OpenCheckAsync(
        NpgsqlDataSource dataSource, CheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = Validated(options ?? new CheckOptions());
        var workers = await Workers.OpenAsync(dataSource, options, cancellationToken).ConfigureAwait(false);
        return await OpenedAsync(workers, () => ReportPipeline.OpenCheckAsync(workers, options, cancellationToken)).ConfigureAwait(false);
    }

    /// <summary>
    /// Examines the sequences through the caller's open connection, inside its transaction if it has one (so the check
    /// sees the transaction's own rows). The connection's statement and lock timeouts are restored afterwards.
    /// </summary>
    /// <param name="connection">An open connection.</param>
    /// <param name="options">Scope and timeouts; defaults examine every user schema.</param>
    /// <param name="cancellationToken">Cancels the running query.</param>
    /// <exception cref="InvalidPatternException">A schema or table pattern cannot be parsed.</exception>
    /// <exception cref="PgSeqException">A pattern matches nothing, with <see cref="CheckOptions.StrictNames"/>.</exception>
    public static async Task<DriftReport> CheckAsync(
        NpgsqlConnection connection, CheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        CallerConnection.EnsureOpen(connection);
        options = Validated(options ?? new CheckOptions());
        var inTransaction = await CallerConnection.InTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        var workers = await Workers.AttachAsync(connection, options, inTransaction, cancellationToken).ConfigureAwait(false);
        var reader = await OpenedAsync(workers, () => ReportPipeline.OpenCheckAsync(workers, options, cancellationToken)).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.CollectAsync(cancellationToken).ConfigureAwait(false);
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
    /// <exception cref="PgSeqException">The server is read-only (a hot standby, or read-only transactions by default), or a
    /// pattern matches nothing with <see cref="CheckOptions.StrictNames"/>.</exception>
    /// <exception cref="InvalidPatternException">A schema or table pattern cannot be parsed.</exception>
    public static async Task<DriftReport> FixAsync(
        NpgsqlDataSource dataSource, FixOptions? options = null, CancellationToken cancellationToken = default)
    {
        var reader = await OpenFixAsync(dataSource, options, cancellationToken).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.CollectAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Like <see cref="FixAsync(NpgsqlDataSource, FixOptions?, CancellationToken)"/>, but repairs and hands out the
    /// sequences a batch at a time as the run goes, for databases with more sequences than their reports should take
    /// memory for. Cancelling the reading stops the run after the batch being repaired (see
    /// <see cref="DriftReportReader.ReadAllAsync"/>).
    /// </summary>
    /// <param name="dataSource">Where to connect.</param>
    /// <param name="options">Scope, timeouts, and how to repair.</param>
    /// <param name="cancellationToken">Cancels opening the reader.</param>
    /// <returns>The reader; dispose it to close its connections.</returns>
    /// <exception cref="PgSeqException">The server is read-only (a hot standby, or read-only transactions by default), or a
    /// pattern matches nothing with <see cref="CheckOptions.StrictNames"/>.</exception>
    /// <exception cref="InvalidPatternException">A schema or table pattern cannot be parsed.</exception>
    public static async Task<DriftReportReader> OpenFixAsync(
        NpgsqlDataSource dataSource, FixOptions? options = null, CancellationToken cancellationToken = default)
    {
        options = Validated(options ?? new FixOptions());
        var workers = await Workers.OpenAsync(dataSource, options, cancellationToken).ConfigureAwait(false);
        return await OpenedAsync(
            workers, () => ReportPipeline.OpenFixAsync(workers, options, RepairBoundary.Transaction, cancellationToken)).ConfigureAwait(false);
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
    /// <exception cref="PgSeqException">The server is read-only (a hot standby, or read-only transactions by default), or a
    /// pattern matches nothing with <see cref="CheckOptions.StrictNames"/>.</exception>
    /// <exception cref="InvalidPatternException">A schema or table pattern cannot be parsed.</exception>
    public static async Task<DriftReport> FixAsync(
        NpgsqlConnection connection, FixOptions? options = null, CancellationToken cancellationToken = default)
    {
        CallerConnection.EnsureOpen(connection);
        await CallerConnection.EnsureNoTransactionAsync(connection, cancellationToken).ConfigureAwait(false);
        options = Validated(options ?? new FixOptions());
        var workers = await Workers.AttachAsync(connection, options, inTransaction: false, cancellationToken).ConfigureAwait(false);
        var reader = await OpenedAsync(
            workers, () => ReportPipeline.OpenFixAsync(workers, options, RepairBoundary.Transaction, cancellationToken)).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.CollectAsync(cancellationToken).ConfigureAwait(false);
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
    /// <exception cref="PgSeqException">The transaction is read-only, the server is a hot standby, or a pattern matches
    /// nothing with <see cref="CheckOptions.StrictNames"/>.</exception>
    /// <exception cref="InvalidPatternException">A schema or table pattern cannot be parsed.</exception>
    public static async Task<DriftReport> FixAsync(
        NpgsqlTransaction transaction, FixOptions? options = null, CancellationToken cancellationToken = default)
    {
        var connection = await CallerConnection.OfTransactionAsync(transaction, cancellationToken).ConfigureAwait(false);
        options = Validated(options ?? new FixOptions());
        var workers = await Workers.AttachAsync(connection, options, inTransaction: true, cancellationToken).ConfigureAwait(false);
        var reader = await OpenedAsync(
            workers, () => ReportPipeline.OpenFixAsync(workers, options, RepairBoundary.Savepoint, cancellationToken)).ConfigureAwait(false);
        await using var readerScope = reader.ConfigureAwait(false);
        return await reader.CollectAsync(cancellationToken).ConfigureAwait(false);
    }

    // The reader owns the connections from here on; if it cannot be made, they are closed (or given back) at once.
    private static async Task<DriftReportReader> OpenedAsync(Workers workers, Func<Task<DriftReportReader>> open)
    {
        try
        {
            return await open().ConfigureAwait(false);
        }
        catch
        {
            await workers.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static T Validated<T>(T options)
        where T : CheckOptions
    {
        options.Validate();
        return options;
    }
}
