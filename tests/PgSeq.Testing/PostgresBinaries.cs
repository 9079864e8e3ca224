namespace PgSeq.Tests.Infrastructure;

/// <summary>Finds the PostgreSQL server programs (initdb, pg_ctl, psql) on this machine.</summary>
public static class PostgresBinaries
{
    /// <summary>
    /// PGSEQ_PG_BIN if set, else the newest /usr/lib/postgresql/N/bin (Debian keeps the server programs off PATH),
    /// else the directory on PATH that holds initdb.
    /// </summary>
    public static string Directory()
    {
        var configured = Environment.GetEnvironmentVariable("PGSEQ_PG_BIN");
        if (!string.IsNullOrEmpty(configured))
        {
            return configured;
        }

        var debian = new DirectoryInfo("/usr/lib/postgresql");
        if (debian.Exists)
        {
            var newest = debian.GetDirectories()
                .Where(d => int.TryParse(d.Name, out _) && File.Exists(Path.Combine(d.FullName, "bin", "initdb")))
                .OrderByDescending(d => int.Parse(d.Name, System.Globalization.CultureInfo.InvariantCulture))
                .FirstOrDefault();
            if (newest is not null)
            {
                return Path.Combine(newest.FullName, "bin");
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(dir => File.Exists(Path.Combine(dir, "initdb")));
        return onPath ?? throw new InvalidOperationException(
            "PostgreSQL server programs (initdb, pg_ctl) not found: install them (apt-get install -y postgresql), set PGSEQ_PG_BIN to their directory, or point PGSEQ_TEST_CONNECTION at a server");
    }

    public static string Program(string name) => Path.Combine(Directory(), name);
}
