using System.Data;
using Npgsql;

namespace PgSeq.Session;

/// <summary>What a connection or transaction the caller hands in must be, checked before pgseq uses it.</summary>
internal static class CallerConnection
{
    private const string Savepoint = "pgseq_probe_transaction";

    /// <exception cref="ArgumentException">The connection is not open.</exception>
    public static void EnsureOpen(NpgsqlConnection connection)
    {
        ArgumentNullException.ThrowIfNull(connection);
        if (connection.State != ConnectionState.Open)
        {
            throw new ArgumentException("the connection must be open", nameof(connection));
        }
    }

    /// <summary>The open connection of a transaction that is still in progress on the server.</summary>
    /// <exception cref="ArgumentException">The transaction has ended.</exception>
    public static async Task<NpgsqlConnection> OfTransactionAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);

        // A finished NpgsqlTransaction may still hand out its connection, so ask the server.
        var connection = transaction.Connection ?? throw new ArgumentException("the transaction has already ended", nameof(transaction));
        EnsureOpen(connection);
        return await InTransactionAsync(connection, cancellationToken).ConfigureAwait(false)
            ? connection
            : throw new ArgumentException("the transaction has already ended", nameof(transaction));
    }

    /// <exception cref="ArgumentException">The connection has a transaction in progress.</exception>
    public static async Task EnsureNoTransactionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        if (await InTransactionAsync(connection, cancellationToken).ConfigureAwait(false))
        {
            throw new ArgumentException("the connection has a transaction in progress; pass that transaction to FixAsync to repair inside it",
                nameof(connection));
        }
    }

    /// <summary>Whether the connection is inside a transaction block: savepoints exist only there.</summary>
    public static async Task<bool> InTransactionAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            var probe = new NpgsqlCommand($"SAVEPOINT {Savepoint}; RELEASE SAVEPOINT {Savepoint}", connection);
            await using var probeScope = probe.ConfigureAwait(false);
            await probe.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException error) when (error.SqlState == PostgresErrorCodes.NoActiveSqlTransaction)
        {
            return false;
        }
    }
}
