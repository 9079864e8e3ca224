using Npgsql;

namespace PgSeq.Session;

/// <summary>
/// The connections a run works on: the main one, plus up to <see cref="CheckOptions.Jobs"/> - 1 more from the data
/// source, opened when there is enough work to spread, so that reading and repairing thousands of sequences proceed in
/// parallel. Each connection gets the run's timeouts. On a caller's connection there is only that one.
/// </summary>
/// <param name="main">The connection the run started on.</param>
/// <param name="dataSource">Where more connections come from; null to stay on <paramref name="main"/>.</param>
/// <param name="options">The job count and timeouts.</param>
/// <param name="inTransaction">Whether <paramref name="main"/> is inside the caller's transaction.</param>
internal sealed class Workers(NpgsqlConnection main, NpgsqlDataSource? dataSource, CheckOptions options, bool inTransaction = false) : IAsyncDisposable
{
    // Below this much work per connection, another connection costs more than it saves.
    private const int ItemsPerConnection = 200;

    private readonly List<NpgsqlConnection> _connections = [main];

    public NpgsqlConnection Main => main;

    /// <summary>Whether the connections are inside the caller's transaction, where one failed statement would abort it.</summary>
    public bool InTransaction => inTransaction;

    /// <summary>
    /// Splits <paramref name="items"/> into one contiguous slice per connection (opening connections up to the job
    /// count), runs <paramref name="work"/> on each in parallel, and returns the results in the items' order.
    /// </summary>
    public async Task<T[]> RunAsync<TItem, T>(
        IReadOnlyList<TItem> items, Func<NpgsqlConnection, IReadOnlyList<TItem>, Task<T[]>> work, CancellationToken cancellationToken)
    {
        var wanted = dataSource is null ? 1 : Math.Clamp(Math.Min(options.Jobs, items.Count / ItemsPerConnection), 1, 64);
        while (_connections.Count < wanted)
        {
            var connection = await dataSource!.OpenConnectionAsync(cancellationToken);
            _connections.Add(connection);
            await SessionSetup.PrepareAsync(connection, options, cancellationToken);
        }

        var size = (items.Count + wanted - 1) / wanted;
        var tasks = Enumerable.Range(0, wanted)
            .Select(i => (Connection: _connections[i], Slice: items.Skip(i * size).Take(size).ToList()))
            .Where(w => w.Slice.Count > 0)
            .Select(w => work(w.Connection, w.Slice))
            .ToList();
        return [.. (await Task.WhenAll(tasks)).SelectMany(r => r)];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Skip(1))
        {
            await connection.DisposeAsync();
        }
    }
}
