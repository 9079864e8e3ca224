using Npgsql;

namespace PgSeq.Tests.Infrastructure;

/// <summary>A database of its own for one test, dropped when the test ends.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly PostgresServer _server;

    internal TestDatabase(PostgresServer server, string name)
    {
        _server = server;
        Name = name;
        ConnectionString = server.ConnectionString(name);
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public string Name { get; }

    public string ConnectionString { get; }

    /// <summary>A data source connected as the superuser.</summary>
    public NpgsqlDataSource DataSource { get; }

    public PostgresServer Server => _server;

    /// <summary>Runs set-up SQL; building thousands of tables on a busy machine may take minutes, not Npgsql's default 30 s.</summary>
    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Reads a sequence's state without moving it.</summary>
    public async Task<(long LastValue, bool IsCalled)> SequenceStateAsync(string sequence)
    {
        await using var command = DataSource.CreateCommand($"SELECT last_value, is_called FROM {sequence}");
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetBoolean(1));
    }

    /// <summary>A libpq connection URI for psql and pg_dump.</summary>
    public string ConnectionStringForPsql()
    {
        var builder = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"postgresql://{Uri.EscapeDataString(builder.Username!)}@{builder.Host}:{builder.Port}/{Uri.EscapeDataString(Name)}";
    }

    /// <summary>A data source for another role on this database.</summary>
    public NpgsqlDataSource DataSourceFor(string user, string? password = null) =>
        NpgsqlDataSource.Create(_server.ConnectionString(Name, user, password));

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await _server.DropDatabaseAsync(Name);
    }
}
