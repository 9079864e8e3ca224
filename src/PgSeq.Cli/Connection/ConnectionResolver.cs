using Npgsql;

namespace PgSeq.Cli.Connection;

/// <summary>
/// Turns the CONNECTION argument into connection settings the way psql would: a postgresql:// URI, a libpq
/// keyword/value string, an Npgsql connection string, or a bare database name; when absent, DATABASE_URL. Whatever
/// the argument leaves out comes from the libpq environment (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD,
/// PGPASSFILE, PGSSLMODE, ...), then from libpq's defaults (local socket or localhost, port 5432, the OS user, a
/// database named after the user). Passwords may also come from ~/.pgpass, which Npgsql reads.
/// </summary>
internal sealed class ConnectionResolver(Func<string, string?> environment)
{
    public ConnectionTarget Resolve(string? connection)
    {
        var text = connection ?? Variable("DATABASE_URL") ?? string.Empty;
        var builder = new NpgsqlConnectionStringBuilder();
        var given = Parse(text.Trim(), builder);
        var pairs = new Dictionary<string, string>(given, StringComparer.Ordinal);
        foreach (var (keyword, variable) in LibpqKeywords.Environment)
        {
            if (!given.ContainsKey(keyword) && Variable(variable) is { } value && !Covered(builder, keyword))
            {
                pairs[keyword] = value;
            }
        }

        LibpqKeywords.Apply(pairs, builder);
        builder.Host ??= DefaultHost(builder.Port);
        builder.Username ??= System.Environment.UserName;
        builder.Database ??= builder.Username;
        builder.ApplicationName ??= "pgseq";
        return new ConnectionTarget(builder);
    }

    // Returns the libpq pairs the text gives; Npgsql-format text is applied to the builder directly.
    private static Dictionary<string, string> Parse(string text, NpgsqlConnectionStringBuilder builder)
    {
        if (text.Length == 0)
        {
            return [];
        }

        if (PostgresUri.IsUri(text))
        {
            return PostgresUri.Parse(text);
        }

        if (!text.Contains('=', StringComparison.Ordinal))
        {
            return new Dictionary<string, string>(StringComparer.Ordinal) { ["dbname"] = text };
        }

        if (!text.Contains(';', StringComparison.Ordinal))
        {
            // Whitespace-separated pairs are libpq's; only a lone Npgsql setting ("Server=db") is not.
            var pairs = LibpqConnInfo.Parse(text);
            var unknown = pairs.Keys.FirstOrDefault(k => !LibpqKeywords.IsKnown(k));
            if (unknown is null)
            {
                return pairs;
            }

            if (pairs.Count > 1 || !TrySetNpgsql(text, builder, out _))
            {
                throw new InputException("Conn_UnknownKeyword", unknown);
            }

            return [];
        }

        if (TrySetNpgsql(text, builder, out var npgsqlError))
        {
            return [];
        }

        // A libpq string may hold a semicolon inside a quoted value.
        try
        {
            var pairs = LibpqConnInfo.Parse(text);
            if (pairs.Keys.All(LibpqKeywords.IsKnown))
            {
                return pairs;
            }
        }
        catch (InputException)
        {
            // Not libpq either: report it as the Npgsql string it looks like.
        }

        throw new InputException("Conn_Invalid", npgsqlError!);
    }

    private static bool TrySetNpgsql(string text, NpgsqlConnectionStringBuilder builder, out string? error)
    {
        try
        {
            builder.ConnectionString = text;
            error = null;
            return true;
        }
        catch (ArgumentException exception)
        {
            // Npgsql names the setting, never its value.
            builder.ConnectionString = string.Empty;
            error = exception.Message.Split('\n')[0].Replace(" (Parameter", " (setting", StringComparison.Ordinal).TrimEnd('.');
            return false;
        }
    }

    // An Npgsql-format connection string that already set something shadows the environment for it. The builder
    // writes back only what was set, under canonical names.
    private static bool Covered(NpgsqlConnectionStringBuilder builder, string keyword)
    {
        var set = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = builder.ConnectionString };
        return keyword switch
        {
            "host" or "hostaddr" => set.ContainsKey("Host"),
            "port" => set.ContainsKey("Port"),
            "dbname" => set.ContainsKey("Database"),
            "user" => set.ContainsKey("Username"),
            "password" => set.ContainsKey("Password"),
            "passfile" => set.ContainsKey("Passfile"),
            "sslmode" => set.ContainsKey("SSL Mode"),
            "application_name" => set.ContainsKey("Application Name"),
            _ => false,
        };
    }

    // libpq connects through the local socket directory when there is one, else to localhost.
    private static string DefaultHost(int port)
    {
        foreach (var directory in (string[])["/var/run/postgresql", "/run/postgresql", "/tmp"])
        {
            if (File.Exists(Path.Combine(directory, $".s.PGSQL.{port}")))
            {
                return directory;
            }
        }

        return "localhost";
    }

    private string? Variable(string name) => environment(name) is { Length: > 0 } value ? value : null;
}
