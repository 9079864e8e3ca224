using Npgsql;
using PgSeq.Cli.Commands;
using PgSeq.Cli.Connection;

namespace PgSeq.Cli.Targets;

/// <summary>Turns CONNECTION arguments, --targets and --all-databases into the list of databases to work on.</summary>
internal sealed class TargetList(Func<string, string?> environment)
{
    // Templates are never targets; a database that does not allow connections is named as skipped.
    private const string DatabasesSql = """
        SELECT datname, datallowconn FROM pg_catalog.pg_database WHERE NOT datistemplate ORDER BY datname
        """;

    /// <summary>The targets in the order given; one that cannot be resolved or listed stays in the list with its failure.
    /// With --all-databases, also the databases left out because they do not allow connections.</summary>
    /// <exception cref="InputException">The targets file cannot be read.</exception>
    public async Task<ResolvedTargets> ResolveAsync(TargetSelection settings, CancellationToken cancellationToken)
    {
        var texts = new List<string?>(settings.Connections);
        if (settings.TargetsFile is { } file)
        {
            texts.AddRange(await ReadTargetsAsync(file, cancellationToken));
        }

        if (texts.Count == 0)
        {
            texts.Add(null);
        }

        var resolver = new ConnectionResolver(environment);
        var targets = texts.Select((text, index) =>
        {
            try
            {
                var connection = resolver.Resolve(text);
                return new Target(connection.Description, connection, null);
            }
            catch (InputException error)
            {
                return new Target($"#{index + 1}", null, error);
            }
        }).ToList();

        if (!settings.AllDatabases)
        {
            return new ResolvedTargets(targets, []);
        }

        var expanded = new List<Target>();
        var skipped = new List<string>();
        foreach (var target in targets)
        {
            expanded.AddRange(target.Connection is null ? [target] : await DatabasesAsync(target, skipped, cancellationToken));
        }

        return new ResolvedTargets(expanded, skipped);
    }

    /// <summary>Opens a data source for a target, with only the Npgsql features pgseq uses (trimming-friendly).</summary>
    // pgseq reads and sends built-in types only. Loading the database's types costs a query over pg_type, which holds
    // two types per table: 0.7 s at 100,000 tables.
    public static NpgsqlDataSource Open(ConnectionTarget target) =>
        new NpgsqlSlimDataSourceBuilder(target.Settings.ConnectionString)
            .ConfigureTypeLoading(types => types.EnableTypeLoading(false))
            .EnableArrays()
            .EnableTransportSecurity()
            .EnableIntegratedSecurity()
            .Build();

    private static async Task<IEnumerable<string>> ReadTargetsAsync(string file, CancellationToken cancellationToken)
    {
        try
        {
            var lines = await File.ReadAllLinesAsync(file, cancellationToken);
            return lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
        }
        catch (IOException error)
        {
            throw new InputException("TargetsUnreadable", file, error.Message);
        }
        catch (UnauthorizedAccessException error)
        {
            throw new InputException("TargetsUnreadable", file, error.Message);
        }
    }

    private static async Task<IEnumerable<Target>> DatabasesAsync(Target server, List<string> skipped, CancellationToken cancellationToken)
    {
        try
        {
            await using var dataSource = Open(server.Connection!);
            await using var command = dataSource.CreateCommand(DatabasesSql);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var targets = new List<Target>();
            while (await reader.ReadAsync(cancellationToken))
            {
                var settings = new NpgsqlConnectionStringBuilder(server.Connection!.Settings.ConnectionString) { Database = reader.GetString(0) };
                var connection = new ConnectionTarget(settings);
                if (reader.GetBoolean(1))
                {
                    targets.Add(new Target(connection.Description, connection, null));
                }
                else
                {
                    skipped.Add(connection.Description);
                }
            }

            return targets;
        }
        catch (NpgsqlException error)
        {
            return [server with { Failure = error }];
        }
    }
}
