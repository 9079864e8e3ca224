using System.Data;
using Npgsql;

namespace PgSeq.Session;

/// <summary>
/// The connections a run works on: the main one, plus up to <see cref="CheckOptions.Jobs"/> - 1 more from the data
/// source, opened when there is enough work to spread, so that reading and repairing thousands of sequences proceed in
/// parallel. Each connection gets the run's timeouts. On a caller's connection there is only that one, and its own
/// timeouts are put back when the run ends.
/// </summary>
internal sealed class Workers : IAsyncDisposable
{
    // Below this much work per connection, another connection costs more than it saves.
    private const int ItemsPerConnection = 200;

    private readonly List<NpgsqlConnection> _connections;
    private readonly NpgsqlDataSource? _dataSource;
    private readonly CheckOptions _options;

    private Workers(NpgsqlConnection main, NpgsqlDataSource? dataSource, CheckOptions options, SessionInfo session, bool inTransaction)
    {
        _connections = [main];
        _dataSource = dataSource;
        _options = options;
        Session = session;
        InTransaction = inTransaction;
    }

    /// <summary>The connection the run started on.</summary>
    public NpgsqlConnection Main => _connections[0];

    /// <summary>What the main connection is connected to and may do.</summary>
    public SessionInfo Session { get; }

    /// <summary>Whether the connections are inside the caller's transaction, where one failed statement would abort it.</summary>
    public bool InTransaction { get; }

    /// <summary>Opens the main connection from <paramref name="dataSource"/>; more follow when there is work to spread.</summary>
    public static async Task<Workers> OpenAsync(NpgsqlDataSource dataSource, CheckOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return new Workers(
                connection,
                dataSource,
                options,
                await SessionSetup.PrepareAsync(connection, options, cancellationToken).ConfigureAwait(false),
                inTransaction: false);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Works on the caller's open connection alone (inside its transaction when <paramref name="inTransaction"/>).</summary>
    public static async Task<Workers> AttachAsync(
        NpgsqlConnection connection, CheckOptions options, bool inTransaction, CancellationToken cancellationToken) =>
        new(connection, null, options, await SessionSetup.PrepareAsync(connection, options, cancellationToken).ConfigureAwait(false), inTransaction);

    /// <summary>
    /// Splits <paramref name="items"/> into one contiguous slice per connection (opening connections up to the job
    /// count), runs <paramref name="work"/> on each in parallel, and returns the results in the items' order.
    /// </summary>
    public async Task<T[]> RunAsync<TItem, T>(
        IReadOnlyList<TItem> items, Func<NpgsqlConnection, IReadOnlyList<TItem>, Task<T[]>> work, CancellationToken cancellationToken)
    {
        var wanted = _dataSource is null ? 1 : Math.Clamp(Math.Min(_options.Jobs, items.Count / ItemsPerConnection), 1, 64);
        while (_connections.Count < wanted)
        {
            var connection = await _dataSource!.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            _connections.Add(connection);
            await SessionSetup.PrepareAsync(connection, _options, cancellationToken).ConfigureAwait(false);
        }

        var size = (items.Count + wanted - 1) / wanted;
        var tasks = Enumerable.Range(0, wanted)
            .Select(i => (Connection: _connections[i], Slice: items.Skip(i * size).Take(size).ToList()))
            .Where(w => w.Slice.Count > 0)
            .Select(w => work(w.Connection, w.Slice))
            .ToList();
        return [.. (await Task.WhenAll(tasks).ConfigureAwait(false)).SelectMany(r => r)];
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var connection in _connections.Skip(1))
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }

        if (_dataSource is not null)
        {
            await Main.DisposeAsync().ConfigureAwait(false);
        }
        else if (Main.FullState == ConnectionState.Open)
        {
            await SessionSetup.RestoreAsync(Main, Session).ConfigureAwait(false);
        }
    }
}
