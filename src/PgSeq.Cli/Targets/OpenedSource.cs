using Npgsql;
using PgSeq.Cli.Connection;

namespace PgSeq.Cli.Targets;

/// <summary>The source database of a migration (--from), opened for reading, or why it could not be.</summary>
/// <param name="Label">How messages name it.</param>
/// <param name="Connection">Its connection settings, when they could be resolved.</param>
/// <param name="DataSource">The open data source; null on failure.</param>
/// <param name="Failure">Why it could not be opened.</param>
internal sealed record OpenedSource(string Label, ConnectionTarget? Connection, NpgsqlDataSource? DataSource, Exception? Failure) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => DataSource?.DisposeAsync() ?? ValueTask.CompletedTask;
}
