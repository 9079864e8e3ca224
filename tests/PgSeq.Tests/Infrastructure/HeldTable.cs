using Npgsql;

namespace PgSeq.Tests.Infrastructure;

/// <summary>A table locked ACCESS EXCLUSIVE by an open transaction (as a long ALTER TABLE would), so that a check's
/// MAX() on it waits for the lock; disposing (once or more) rolls the transaction back.</summary>
public sealed class HeldTable : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;
    private readonly NpgsqlTransaction _transaction;
    private bool _released;

    private HeldTable(NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    public static async Task<HeldTable> LockAsync(TestDatabase db, string table)
    {
        var connection = await db.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand($"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE", connection, transaction))
        {
            await command.ExecuteNonQueryAsync();
        }

        return new HeldTable(connection, transaction);
    }

    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        await _transaction.RollbackAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
