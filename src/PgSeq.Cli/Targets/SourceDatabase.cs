using Npgsql;
using PgSeq.Cli.Connection;

namespace PgSeq.Cli.Targets;

/// <summary>The source database of a migration (--from), opened for reading, or why it could not be.</summary>
/// <param name="Label">How messages name it.</param>
/// <param name="Connection">Its connection settings, when they could be resolved.</param>
/// <param name="DataSource">The open data source; null on failure.</param>
/// <param name="Failure">Why it could not be opened.</param>
internal sealed record SourceDatabase(string Label, ConnectionTarget? Connection, NpgsqlDataSource? DataSource, Exception? Failure) : IAsyncDisposable
{
    /// <summary>Resolves and opens the source, trying one connection before any target runs, so that its failures name
    /// the source, not the target.</summary>
    public static async Task<SourceDatabase> OpenAsync(string text, Func<string, string?> environment)
    {
        ConnectionTarget? connection = null;
        try
        {
            connection = new ConnectionResolver(environment).Resolve(text);
            var dataSource = TargetList.Open(connection);
            try
            {
                await using var probe = await dataSource.OpenConnectionAsync();
            }
            catch (NpgsqlException)
            {
                await dataSource.DisposeAsync();
                throw;
            }

            return new SourceDatabase(connection.Description, connection, dataSource, null);
        }
        catch (Exception error) when (error is InputException or NpgsqlException)
        {
            return new SourceDatabase(connection?.Description ?? "--from", connection, null, error);
        }
    }

    public ValueTask DisposeAsync() => DataSource?.DisposeAsync() ?? ValueTask.CompletedTask;
}
