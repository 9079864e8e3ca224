using System.Globalization;
using Npgsql;

namespace PgSeq.Tests.Infrastructure;

/// <summary>
/// Two clusters that replicate the same tables to each other, each writing through sequences of its own class, as
/// Bucardo, pglogical, Spock and PostgreSQL's own logical replication users run several writers on one key space:
/// PostgreSQL's subscriptions with <c>origin = none</c> (16 and later), or pglogical with <c>forward_origins = '{}'</c>
/// on 15 (Debian's postgresql-15-pglogical, which ./test.sh installs). Dispose it to stop both clusters.
/// </summary>
public sealed class TwoWayReplication : IAsyncDisposable
{
    private const string Database = "app";

    private TwoWayReplication(PostgresServer a, PostgresServer b, bool native)
    {
        (A, B, Native) = (a, b, native);
    }

    /// <summary>The first node.</summary>
    public PostgresServer A { get; }

    /// <summary>The second node.</summary>
    public PostgresServer B { get; }

    /// <summary>True for PostgreSQL's own subscriptions, false for pglogical.</summary>
    public bool Native { get; }

    /// <summary>How the nodes replicate on a server of <paramref name="major"/>, or why they cannot (then the test skips or,
    /// on CI, fails for a missing component).</summary>
    public static string? Unavailable(int major) => major switch
    {
        >= 16 => null,
        15 when File.Exists(Path.Combine(Path.GetDirectoryName(PostgresBinaries.Directory())!, "lib", "pglogical.so")) => null,
        15 => "two-way replication on PostgreSQL 15 needs pglogical: apt-get install postgresql-15-pglogical (./test.sh does)",
        _ => null,
    };

    /// <summary>Starts both nodes, loads <paramref name="schema"/> on each (node 1 and node 2: the SQL gives each its own
    /// sequences' class), and replicates <paramref name="tables"/> both ways without copying existing rows.</summary>
    public static async Task<TwoWayReplication> StartAsync(int major, Func<int, string> schema, params string[] tables)
    {
        var native = major >= 16;
        string[] settings = native
            ? ["wal_level=logical"]
            : ["wal_level=logical", "shared_preload_libraries=pglogical", "track_commit_timestamp=on", "max_worker_processes=16"];
        var a = await PostgresServer.StartPrivateAsync(settings);
        PostgresServer? b = null;
        try
        {
            b = await PostgresServer.StartPrivateAsync(settings);
            var replication = new TwoWayReplication(a, b, native);
            foreach (var (server, node) in new[] { (a, 1), (b, 2) })
            {
                await server.AdminExecuteAsync($"CREATE DATABASE {Database}");
                await ExecuteAsync(server, (native ? string.Empty : "CREATE EXTENSION pglogical;\n") + schema(node));
            }

            await replication.ConnectAsync(a, "a", b, tables);
            await replication.ConnectAsync(b, "b", a, tables);
            return replication;
        }
        catch
        {
            await a.DisposeAsync();
            if (b is not null)
            {
                await b.DisposeAsync();
            }

            throw;
        }
    }

    /// <summary>The connection string of the replicated database on <paramref name="node"/>.</summary>
    public static string Url(PostgresServer node) => $"postgresql://{node.SuperUser}@{node.Host}:{node.Port}/{Database}";

    /// <summary>A data source on the replicated database of <paramref name="node"/>.</summary>
    public static NpgsqlDataSource DataSource(PostgresServer node) => NpgsqlDataSource.Create(node.ConnectionString(Database));

    /// <summary>Runs SQL on the replicated database of <paramref name="node"/>.</summary>
    public static async Task ExecuteAsync(PostgresServer node, string sql)
    {
        await using var dataSource = DataSource(node);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A single value from the replicated database of <paramref name="node"/>.</summary>
    public static async Task<T> ScalarAsync<T>(PostgresServer node, string sql)
    {
        await using var dataSource = DataSource(node);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Waits until both nodes hold the same rows of <paramref name="table"/> (by id), and says how many.</summary>
    public async Task<long> WaitForCatchUpAsync(string table)
    {
        var sql = $"SELECT pg_catalog.count(*)::int8 * 1000003 + coalesce(pg_catalog.sum(id % 1000003), 0)::int8 FROM {table}";
        await Eventually.HoldsAsync(
            async () => await ScalarAsync<long>(A, sql) == await ScalarAsync<long>(B, sql),
            TimeSpan.FromSeconds(90),
            $"both nodes hold the same rows of {table}");
        return await ScalarAsync<long>(A, $"SELECT pg_catalog.count(*) FROM {table}");
    }

    /// <summary>Apply errors of the subscriptions on both nodes (a replicated row that collided with a local one); pglogical
    /// reports none here, the rows' own node column shows what it overwrote.</summary>
    public async Task<long> ApplyErrorsAsync()
    {
        if (!Native)
        {
            return 0;
        }

        const string sql = "SELECT coalesce(pg_catalog.sum(apply_error_count), 0)::int8 FROM pg_catalog.pg_stat_subscription_stats";
        return await ScalarAsync<long>(A, sql) + await ScalarAsync<long>(B, sql);
    }

    public async ValueTask DisposeAsync()
    {
        // Subscriptions first, so that neither node's walsender waits on the other while it stops.
        foreach (var node in new[] { A, B })
        {
            try
            {
                await ExecuteAsync(node, Native
                    ? "ALTER SUBSCRIPTION from_peer DISABLE; ALTER SUBSCRIPTION from_peer SET (slot_name = NONE); DROP SUBSCRIPTION from_peer"
                    : "SELECT pglogical.drop_subscription('from_peer')");
            }
            catch (NpgsqlException)
            {
                // A node that is already gone has nothing to drop.
            }
        }

        await A.DisposeAsync();
        await B.DisposeAsync();
    }

    // Publishes the tables on the peer and subscribes this node to them, replicating only rows written on the peer.
    private async Task ConnectAsync(PostgresServer node, string name, PostgresServer peer, string[] tables)
    {
        var peerDsn = $"host={peer.Host} port={peer.Port.ToString(CultureInfo.InvariantCulture)} dbname={Database} user={peer.SuperUser}";
        var dsn = $"host={node.Host} port={node.Port.ToString(CultureInfo.InvariantCulture)} dbname={Database} user={node.SuperUser}";
        if (Native)
        {
            await ExecuteAsync(peer, $"CREATE PUBLICATION to_peer FOR TABLE {string.Join(", ", tables)}");
            await ExecuteAsync(node, $"CREATE SUBSCRIPTION from_peer CONNECTION '{peerDsn}' PUBLICATION to_peer WITH (origin = none, copy_data = false)");
            await Eventually.HoldsAsync(
                async () => await ScalarAsync<long>(node, "SELECT pg_catalog.count(*) FROM pg_catalog.pg_stat_subscription WHERE relid IS NULL AND pid IS NOT NULL") > 0,
                TimeSpan.FromSeconds(60),
                $"node {name}'s subscription is running");
            return;
        }

        // pglogical: every node is a node before any subscribes; the second call subscribes both ways.
        await ExecuteAsync(node, $"SELECT pglogical.create_node(node_name := '{name}', dsn := '{dsn}')"
                                 + string.Concat(tables.Select(t => $"; SELECT pglogical.replication_set_add_table('default', '{t}')")));
        if (node == B)
        {
            foreach (var (subscriber, providerDsn) in new[] { (A, dsn), (B, peerDsn) })
            {
                await ExecuteAsync(subscriber, "SELECT pglogical.create_subscription(subscription_name := 'from_peer', "
                    + $"provider_dsn := '{providerDsn}', synchronize_structure := false, synchronize_data := false, forward_origins := '{{}}')");
                await Eventually.HoldsAsync(
                    async () => await ScalarAsync<string>(subscriber, "SELECT status FROM pglogical.show_subscription_status('from_peer')") == "replicating",
                    TimeSpan.FromSeconds(60),
                    "the pglogical subscription is replicating");
            }
        }
    }
}
