namespace PgSeq.Tests.Infrastructure;

/// <summary>Finds the PostgreSQL programs on this machine: the server's (initdb, pg_ctl) and the clients' (psql, pg_basebackup).</summary>
public static class PostgresBinaries
{
    /// <summary>
    /// The server programs: PGSEQ_PG_BIN if set, else the newest /usr/lib/postgresql/N/bin (Debian keeps the server
    /// programs off PATH), else the directory on PATH that holds initdb.
    /// </summary>
    public static string Directory() =>
        Configured("PGSEQ_PG_BIN") ?? Installed("initdb") ?? throw new InvalidOperationException(
            "PostgreSQL server programs (initdb, pg_ctl) not found: install them (apt-get install -y postgresql), set PGSEQ_PG_BIN to their directory, or point PGSEQ_TEST_CONNECTION at a server");

    /// <summary>
    /// Where the programs the server directory lacks come from: PGSEQ_PG_CLIENT_BIN if set, else the newest
    /// /usr/lib/postgresql/N/bin, else the directory on PATH, that holds psql. Builds of other majors that ship the server
    /// programs only (scripts/pg-versions.sh) take psql and pg_basebackup from here, usually Debian's PostgreSQL 15:
    /// psql runs plain SQL against any server, and <see cref="PostgresServer.StartStandbyAsync"/> does without a
    /// pg_basebackup older than the server, which refuses it.
    /// </summary>
    public static string? ClientDirectory() => Configured("PGSEQ_PG_CLIENT_BIN") ?? Installed("psql");

    /// <summary>
    /// A program from the server directory, or else, for a client program, from the client directory. The server's
    /// own programs never come from elsewhere: a wrong PGSEQ_PG_BIN must fail, not test another major.
    /// </summary>
    public static string Program(string name)
    {
        var server = Path.Combine(Directory(), name);
        return File.Exists(server) || name is "initdb" or "pg_ctl" or "postgres" || ClientDirectory() is not { } client || !File.Exists(Path.Combine(client, name))
            ? server
            : Path.Combine(client, name);
    }

    private static string? Configured(string variable) => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } value ? value : null;

    private static string? Installed(string program)
    {
        var debian = new DirectoryInfo("/usr/lib/postgresql");
        if (debian.Exists)
        {
            var newest = debian.GetDirectories()
                .Where(d => int.TryParse(d.Name, out _) && File.Exists(Path.Combine(d.FullName, "bin", program)))
                .OrderByDescending(d => int.Parse(d.Name, System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault();
            if (newest is not null)
            {
                return Path.Combine(newest.FullName, "bin");
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, program)));
    }
}
