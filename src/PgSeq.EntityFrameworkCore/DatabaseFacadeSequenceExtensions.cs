using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace PgSeq.EntityFrameworkCore;

/// <summary>
/// <c>db.Database.CheckSequencesAsync()</c> and <c>db.Database.FixSequencesAsync()</c>: pgseq on the DbContext's own
/// connection, scoped by default to the tables of its model, and inside its current transaction when there is one.
/// </summary>
public static class DatabaseFacadeSequenceExtensions
{
    /// <summary>Reports drift for the sequences that feed the model's tables (or <see cref="CheckOptions.Tables"/>).</summary>
    /// <param name="database">The context's database facade.</param>
    /// <param name="options">Scope and timeouts; the model's tables when <see cref="CheckOptions.Tables"/> is empty.</param>
    /// <param name="cancellationToken">Cancels the check.</param>
    public static async Task<DriftReport> CheckSequencesAsync(
        this DatabaseFacade database, CheckOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var scoped = ModelScope.Apply(Model(database), options ?? new CheckOptions());
        return await WithOpenConnectionAsync(
            database, connection => SequenceDrift.CheckAsync(connection, scoped, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Repairs the sequences that feed the model's tables (or <see cref="CheckOptions.Tables"/>). Inside the context's
    /// current transaction (<c>BeginTransactionAsync</c>) the repairs commit or roll back with it; otherwise each
    /// sequence is repaired in its own short transaction.
    /// </summary>
    /// <param name="database">The context's database facade.</param>
    /// <param name="options">Scope, timeouts and how to repair; the model's tables when <see cref="CheckOptions.Tables"/> is empty.</param>
    /// <param name="cancellationToken">Cancels the repair; the sequence in progress is rolled back.</param>
    public static async Task<DriftReport> FixSequencesAsync(
        this DatabaseFacade database, FixOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(database);
        var scoped = ModelScope.Apply(Model(database), options ?? new FixOptions());
        return await WithOpenConnectionAsync(database, connection =>
            database.CurrentTransaction?.GetDbTransaction() is NpgsqlTransaction transaction
                ? SequenceDrift.FixAsync(transaction, scoped, cancellationToken)
                : SequenceDrift.FixAsync(connection, scoped, cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    private static Microsoft.EntityFrameworkCore.Metadata.IModel Model(DatabaseFacade database) =>
        database.GetService<ICurrentDbContext>().Context.Model;

    // Uses the context's connection as EF Core does: opened for the call when the context has not opened it.
    private static async Task<DriftReport> WithOpenConnectionAsync(
        DatabaseFacade database, Func<NpgsqlConnection, Task<DriftReport>> run, CancellationToken cancellationToken)
    {
        if (database.GetDbConnection() is not NpgsqlConnection connection)
        {
            throw new InvalidOperationException("pgseq works with PostgreSQL through Npgsql; this context uses another provider");
        }

        var opened = connection.State != ConnectionState.Open;
        if (opened)
        {
            await database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await run(connection).ConfigureAwait(false);
        }
        finally
        {
            if (opened)
            {
                await database.CloseConnectionAsync().ConfigureAwait(false);
            }
        }
    }
}
