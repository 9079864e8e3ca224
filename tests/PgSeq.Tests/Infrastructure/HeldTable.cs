using Npgsql;

namespace PgSeq.Tests.Infrastructure;

/// <summary>A table locked by an open transaction: ACCESS EXCLUSIVE (as a long ALTER TABLE would), so that a check's
/// MAX() on it waits for the lock, or by an uncommitted write, so that only a repair's lock waits; disposing (once or
/// more) rolls the transaction back.</summary>
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

    public static Task<HeldTable> LockAsync(TestDatabase db, string table) => HoldAsync(db, $"LOCK TABLE {table} IN ACCESS EXCLUSIVE MODE");

    /// <summary>Runs <paramref name="write"/> (an INSERT) in a transaction left open.</summary>
    public static Task<HeldTable> WriteAsync(TestDatabase db, string write) => HoldAsync(db, write);

    /// <summary>Commits the transaction instead.</summary>
    public async Task CommitAsync()
    {
        _released = true;
        await _transaction.CommitAsync();
        await _transaction.DisposeAsync();
        await _connection.DisposeAsync();
    }

    private static async Task<HeldTable> HoldAsync(TestDatabase db, string statement)
    {
        var connection = await db.DataSource.OpenConnectionAsync();
        var transaction = await connection.BeginTransactionAsync();
        await using (var command = new NpgsqlCommand(statement, connection, transaction))
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
