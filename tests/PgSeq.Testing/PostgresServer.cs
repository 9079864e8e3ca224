using System.Runtime.Versioning;
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

    // Settings of a private cluster besides those every test cluster has.
    private IReadOnlyList<string> _settings = [];

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

    /// <summary>The server's server_version_num, such as 150018, for what older majors lack (DROP DATABASE ... WITH (FORCE) is 13+).</summary>
    public int VersionNumber { get; private set; }

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

        await ConnectAsync();
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
    /// <param name="settings">More server settings, such as <c>wal_level=logical</c>.</param>
    public static async Task<PostgresServer> StartPrivateAsync(params string[] settings)
    {
        var server = new PostgresServer { _settings = settings };
        await server.StartClusterAsync();
        await server.ConnectAsync();
        return server;
    }

    /// <summary>Restarts the server (fast shutdown: sessions are terminated), as an upgrade or a failover would.</summary>
    public async Task RestartAsync()
    {
        await Check(RunAsClusterOwnerAsync(PostgresBinaries.Program("pg_ctl"),
            "-D", DataDirectory!, "-l", Path.Combine(_clusterDirectory!, "server.log"), "-m", "fast", "-w", "-t", "60", "restart"));

        // The restart ended every pooled session.
        await _admin!.DisposeAsync();
        await ConnectAsync();
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
        await ConnectAsync();
    }

    /// <summary>
    /// A hot standby of this cluster, streaming from it (pg_basebackup, or the same done by hand for a server newer
    /// than the pg_basebackup at hand), in a cluster of its own; dispose it when done.
    /// </summary>
    [SupportedOSPlatform("linux")]
    public async Task<PostgresServer> StartStandbyAsync()
    {
        var standby = new PostgresServer { Port = FreePort.Next(), SuperUser = SuperUser };
        standby._clusterDirectory = await NewClusterDirectoryAsync();
        var pgBasebackup = PostgresBinaries.Program("pg_basebackup");
        if (await MajorVersionAsync(pgBasebackup) >= VersionNumber / 10000)
        {
            await Check(RunAsClusterOwnerAsync(pgBasebackup,
                "-D", standby.DataDirectory!, "-h", Host, "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", SuperUser, "-X", "stream", "--checkpoint=fast"));
        }
        else
        {
            await CopyBaseBackupAsync(standby);
        }

        await WriteStandbyConfigurationAsync(standby.DataDirectory!);

        await standby.StartAsync();
        await standby.ConnectAsync();
        return standby;
    }

    /// <summary>Creates a fresh, empty database for one test.</summary>
    public async Task<TestDatabase> CreateDatabaseAsync(string? name = null)
    {
        name ??= "t_" + Guid.NewGuid().ToString("N")[..16];
        await AdminExecuteAsync($"CREATE DATABASE {Quote(name)}");
        return new TestDatabase(this, name);
    }

    /// <summary>Drops a database, ending the sessions still connected to it.</summary>
    public async Task DropDatabaseAsync(string name)
    {
        // PostgreSQL 12 has no WITH (FORCE): end the sessions first. DROP DATABASE gives them a few seconds to exit.
        if (VersionNumber < 130000)
        {
            await AdminExecuteAsync($"SELECT pg_catalog.pg_terminate_backend(pid) FROM pg_catalog.pg_stat_activity WHERE datname = {QuoteLiteral(name)} AND pid <> pg_catalog.pg_backend_pid()");
        }

        // Removing the files of a database with 10,000 tables (ScaleTests) can take longer than the default 30 s.
        await using var command = _admin!.CreateCommand($"DROP DATABASE IF EXISTS {Quote(name)}{(VersionNumber >= 130000 ? " WITH (FORCE)" : string.Empty)}");
        command.CommandTimeout = 300;
        await command.ExecuteNonQueryAsync();
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

    private static string QuoteLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    private async Task ConnectAsync()
    {
        _admin = NpgsqlDataSource.Create(AdminConnectionString);
        await using var command = _admin.CreateCommand("SELECT pg_catalog.current_setting('server_version_num')::int4");
        VersionNumber = (int)(await command.ExecuteScalarAsync())!;
    }

    // What pg_basebackup -X fetch does, done with the server's own backup functions (the low-level base backup of
    // "Continuous Archiving and Point-in-Time Recovery") and a file copy. pg_basebackup refuses a server of a newer major,
    // and the builds of other majors (scripts/pg-versions.sh) bring no client programs, so a standby of 16+ is made this
    // way next to Debian 12's pg_basebackup 15. The backup's WAL, from its start to its end, is copied after it ended,
    // as -X fetch copies it. Tablespaces are not copied; the tests create none.
    [SupportedOSPlatform("linux")]
    private async Task CopyBaseBackupAsync(PostgresServer standby)
    {
        // The backup belongs to the session that started it, which must end it.
        await using var session = await _admin!.OpenConnectionAsync();
        var (start, stop) = VersionNumber >= 150000
            ? ("pg_catalog.pg_backup_start('pgseq standby', fast => true)", "pg_catalog.pg_backup_stop(wait_for_archive => false)")
            : ("pg_catalog.pg_start_backup('pgseq standby', fast => true, exclusive => false)", "pg_catalog.pg_stop_backup(exclusive => false, wait_for_archive => false)");
        await using var begin = new NpgsqlCommand($"SELECT pg_catalog.pg_walfile_name({start})", session);
        var firstWal = (string)(await begin.ExecuteScalarAsync())!;
        var target = standby.DataDirectory!;
        CopyDataDirectory(DataDirectory!, target);

        await using var end = new NpgsqlCommand($"SELECT pg_catalog.pg_walfile_name(lsn), labelfile FROM {stop}", session);
        await using (var reader = await end.ExecuteReaderAsync())
        {
            await reader.ReadAsync();
            var lastWal = reader.GetString(0);
            await File.WriteAllTextAsync(Path.Combine(target, "backup_label"), reader.GetString(1));
            foreach (var wal in Directory.GetFiles(Path.Combine(DataDirectory!, "pg_wal")).Select(Path.GetFileName)
                         .Where(f => f!.Length == 24 && string.CompareOrdinal(f, firstWal) >= 0 && string.CompareOrdinal(f, lastWal) <= 0))
            {
                File.Copy(Path.Combine(DataDirectory!, "pg_wal", wal!), Path.Combine(target, "pg_wal", wal!));
            }
        }

    }

    // What pg_basebackup -R writes, written here because pg_basebackup 15 adds the options of its own libpq
    // (channel_binding, sslsni), which the walreceiver of a 12 or 13 standby rejects, so it would never stream.
    private async Task WriteStandbyConfigurationAsync(string target)
    {
        await File.WriteAllTextAsync(Path.Combine(target, "standby.signal"), string.Empty);
        await File.AppendAllTextAsync(Path.Combine(target, "postgresql.auto.conf"),
            $"primary_conninfo = 'host={Host} port={Port} user={SuperUser}'\n");
        if (Environment.UserName == "root")
        {
            await Check(ProcessRunner.RunAsync("chown", ["-R", "postgres:", target]));
        }
    }

    // PostgreSQL refuses a data directory that others may read.
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    // Copies a running cluster's data directory the way the documentation's low-level base backup says: without the
    // postmaster's files, and with the directories whose contents the server recreates (pg_wal among them) left empty.
    // Files that vanish while the copy runs are skipped, as replaying the WAL recreates what the server still needs.
    [SupportedOSPlatform("linux")]
    private static void CopyDataDirectory(string source, string target, bool top = true)
    {
        Directory.CreateDirectory(target, OwnerOnly);
        foreach (var entry in new DirectoryInfo(source).EnumerateFileSystemInfos())
        {
            var copy = Path.Combine(target, entry.Name);
            try
            {
                if (entry.Name.StartsWith("pgsql_tmp", StringComparison.Ordinal) || entry.Name is "postmaster.pid" or "postmaster.opts" or "pg_internal.init")
                {
                    continue;
                }

                if (entry is not DirectoryInfo directory)
                {
                    File.Copy(entry.FullName, copy);
                }
                else if (top && entry.Name is "pg_wal" or "pg_replslot" or "pg_dynshmem" or "pg_notify" or "pg_serial" or "pg_snapshots" or "pg_stat_tmp" or "pg_subtrans")
                {
                    Directory.CreateDirectory(copy, OwnerOnly);
                }
                else
                {
                    CopyDataDirectory(directory.FullName, copy, top: false);
                }
            }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
            {
            }
        }
    }

    // The major version of a PostgreSQL client program: 15 for "pg_basebackup (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)".
    private static async Task<int> MajorVersionAsync(string program)
    {
        var result = await ProcessRunner.RunAsync(program, ["--version"]);
        var version = System.Text.RegularExpressions.Regex.Match(result.Stdout, @"\(PostgreSQL\) (\d+)");
        return version.Success ? int.Parse(version.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }

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
        var settings = string.Join(' ', (string[])[
            $"-c port={Port}",
            "-c listen_addresses=127.0.0.1",
            $"-c unix_socket_directories={_clusterDirectory}",
            "-c fsync=off",
            "-c synchronous_commit=off",
            "-c full_page_writes=off",
            // Autovacuum's visits commit transactions in the databases whose activity some tests count.
            "-c autovacuum=off",
            // PasswordRole logs in with scram-sha-256 (pg_hba.conf), so its password must be stored that way, which
            // PostgreSQL 13 and older do not do by default (md5).
            "-c password_encryption=scram-sha-256",
            .. _settings.Select(setting => $"-c {setting}")]);
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
