using Npgsql;

namespace PgSeq.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests run against: the one named by PGSEQ_TEST_CONNECTION, or else a throwaway cluster
/// this fixture creates with initdb in a temporary directory on a free port (as the postgres OS user when the tests
/// run as root, since PostgreSQL refuses to run as root) and removes when the test run ends.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? _clusterDirectory;
    private NpgsqlDataSource? _admin;

    /// <summary>The one role that must log in with a password on a cluster this fixture owns.</summary>
    public const string PasswordRole = "pgseq_password_user";

    /// <summary>Connection string of the maintenance database, as a superuser.</summary>
    public string AdminConnectionString { get; private set; } = string.Empty;

    /// <summary>Host and port, for tests that build their own connection strings.</summary>
    public string Host { get; private set; } = "127.0.0.1";

    public int Port { get; private set; }

    public string SuperUser { get; private set; } = "postgres";

    /// <summary>The data directory when this fixture owns the cluster; null for an external server.</summary>
    public string? DataDirectory => _clusterDirectory is null ? null : Path.Combine(_clusterDirectory, "data");

    public string SocketDirectory => _clusterDirectory ?? "/tmp";

    public bool OwnsCluster => _clusterDirectory is not null;

    public async ValueTask InitializeAsync()
    {
        var external = Environment.GetEnvironmentVariable("PGSEQ_TEST_CONNECTION");
        if (!string.IsNullOrEmpty(external))
        {
            var builder = new NpgsqlConnectionStringBuilder(external);
            (Host, Port, SuperUser) = (builder.Host ?? "localhost", builder.Port, builder.Username ?? "postgres");
            AdminConnectionString = builder.ConnectionString;
        }
        else
        {
            await StartClusterAsync();
        }

        _admin = NpgsqlDataSource.Create(AdminConnectionString);
    }

    public async ValueTask DisposeAsync()
    {
        if (_admin is not null)
        {
            await _admin.DisposeAsync();
        }

        await StopClusterAsync();
    }

    /// <summary>A cluster of its own, for tests that restart the server or replicate it; dispose it when done.</summary>
    public static async Task<PostgresServer> StartPrivateAsync()
    {
        var server = new PostgresServer();
        await server.StartClusterAsync();
        server._admin = NpgsqlDataSource.Create(server.AdminConnectionString);
        return server;
    }

    /// <summary>Restarts the server (fast shutdown: sessions are terminated), as an upgrade or a failover would.</summary>
    public async Task RestartAsync()
    {
        await Check(RunAsClusterOwnerAsync(PostgresBinaries.Program("pg_ctl"),
            "-D", DataDirectory!, "-l", Path.Combine(_clusterDirectory!, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"));

        // The restart ended every pooled session.
        await _admin!.DisposeAsync();
        _admin = NpgsqlDataSource.Create(AdminConnectionString);
    }

    /// <summary>
    /// Kills the server as a crash would (immediate shutdown: no checkpoint, WAL not yet written out is lost) and starts
    /// it again through crash recovery.
    /// </summary>
    public async Task CrashAndRecoverAsync()
    {
        await _admin!.DisposeAsync();
        await Check(RunAsClusterOwnerAsync(PostgresBinaries.Program("pg_ctl"), "-D", DataDirectory!, "-m", "immediate", "-w", "stop"));
        await StartAsync();
        _admin = NpgsqlDataSource.Create(AdminConnectionString);
    }

    /// <summary>
    /// A hot standby of this cluster, streaming from it (pg_basebackup -R), in a cluster of its own; dispose it when done.
    /// </summary>
    public async Task<PostgresServer> StartStandbyAsync()
    {
        var standby = new PostgresServer { Port = FreePort.Next(), SuperUser = SuperUser };
        standby._clusterDirectory = await NewClusterDirectoryAsync();
        await Check(RunAsClusterOwnerAsync(PostgresBinaries.Program("pg_basebackup"),
            "-D", standby.DataDirectory!, "-h", Host, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", SuperUser, "-R", "-X", "stream", "--checkpoint=fast"));
        await standby.StartAsync();
        standby._admin = NpgsqlDataSource.Create(standby.AdminConnectionString);
        return standby;
    }

    /// <summary>Creates a fresh, empty database for one test.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(string? name = null)
    {
        name ??= "t_" + Guid.NewGuid().ToString("N")[..16];
        await AdminExecuteAsync($"CREATE DATABASE {Quote(name)}");
        return new TestDatabase(this, name);
    }

    /// <summary>Runs SQL on the maintenance database (roles, databases).</summary>
    public async Task AdminExecuteAsync(string sql)
    {
        await using var command = _admin!.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A value from the maintenance database, where reading statistics adds nothing to the test's database.</summary>
    public async Task<T> AdminScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var command = _admin!.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>pgseq's sessions on <paramref name="database"/> (application_name pgseq), optionally only those waiting
    /// on <paramref name="waitEventType"/> (Lock).</summary>
    public Task<long> PgSeqSessionsAsync(string database, string? waitEventType = null) =>
        AdminScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'pgseq' AND datname = $1 AND ($2 = '' OR wait_event_type = $2)",
            database, waitEventType ?? string.Empty);

    public string ConnectionString(string database, string? user = null, string? password = null)
    {
        var builder = new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = database };
        if (user is not null)
        {
            builder.Username = user;
            builder.Password = password;
        }

        return builder.ConnectionString;
    }

    /// <summary>Runs a program as the OS user that owns the cluster.</summary>
    public static Task<ProcessResult> RunAsClusterOwnerAsync(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? ProcessRunner.RunAsync("runuser", ["-u", "postgres", "--", program, .. arguments])
            : ProcessRunner.RunAsync(program, arguments);

    internal static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private async Task StartClusterAsync()
    {
        Port = FreePort.Next();
        _clusterDirectory = await NewClusterDirectoryAsync();
        await Check(RunAsClusterOwnerAsync(PostgresBinaries.Program("initdb"),
            "-D", DataDirectory!, "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"));

        // Every role logs in without a password except PasswordRole, which tests password handling.
        var hba = Path.Combine(DataDirectory!, "pg_hba.conf");
        await File.WriteAllTextAsync(hba, $"host all {PasswordRole} 127.0.0.1/32 scram-sha-256\n" + await File.ReadAllTextAsync(hba));
        await StartAsync();
    }

    private async Task StartAsync()
    {
        var settings = string.Join(' ',
            $"-c port={Port}",
            "-c listen_addresses=127.0.0.1",
            $"-c unix_socket_directories={_clusterDirectory}",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off");
        await Check(RunAsClusterOwnerAsync(PostgresBinaries.Program("pg_ctl"),
            "-D", DataDirectory!, "-l", Path.Combine(_clusterDirectory!, "server.log"), "-o", settings, "-w", "-t", "60", "start"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => StopClusterAsync().GetAwaiter().GetResult();
        AdminConnectionString = new NpgsqlConnectionStringBuilder
        {
            Host = Host,
            Port = Port,
            Username = SuperUser,
            Database = "postgres",
            IncludeErrorDetail = true,
        }.ConnectionString;
    }

    private static async Task<string> NewClusterDirectoryAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pgseq-test-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        if (Environment.UserName == "root")
        {
            await Check(ProcessRunner.RunAsync("chown", ["postgres:", directory]));
        }

        return directory;
    }

    private async Task StopClusterAsync()
    {
        var directory = Interlocked.Exchange(ref _clusterDirectory, null);
        if (directory is null)
        {
            return;
        }

        await RunAsClusterOwnerAsync(PostgresBinaries.Program("pg_ctl"), "-D", Path.Combine(directory, "data"), "-m", "immediate", "-w", "stop");
        Directory.Delete(directory, recursive: true);
    }

    private static async Task Check(Task<ProcessResult> run)
    {
        var result = await run;
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"command failed with exit code {result.ExitCode}:\n{result.Output}");
        }
    }
}
