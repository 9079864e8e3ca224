using Npgsql;

namespace PgSeq.Cli.Connection;

/// <summary>The libpq connection keywords pgseq understands, their environment variables, and their Npgsql settings.</summary>
internal static class LibpqKeywords
{
    /// <summary>libpq keyword → environment variable that supplies it when the connection string does not (PQconndefaults).</summary>
    public static readonly IReadOnlyList<(string Keyword, string Variable)> Environment =
    [
        ("host", "PGHOST"), ("hostaddr", "PGHOSTADDR"), ("port", "PGPORT"), ("dbname", "PGDATABASE"),
        ("user", "PGUSER"), ("password", "PGPASSWORD"), ("passfile", "PGPASSFILE"), ("sslmode", "PGSSLMODE"),
        ("sslnegotiation", "PGSSLNEGOTIATION"), ("sslrootcert", "PGSSLROOTCERT"), ("sslcert", "PGSSLCERT"),
        ("sslkey", "PGSSLKEY"), ("application_name", "PGAPPNAME"), ("connect_timeout", "PGCONNECT_TIMEOUT"),
        ("options", "PGOPTIONS"), ("client_encoding", "PGCLIENTENCODING"), ("target_session_attrs", "PGTARGETSESSIONATTRS"),
        ("gssencmode", "PGGSSENCMODE"), ("channel_binding", "PGCHANNELBINDING"), ("krbsrvname", "PGKRBSRVNAME"),
        ("requiressl", "PGREQUIRESSL"), ("load_balance_hosts", "PGLOADBALANCEHOSTS"), ("service", "PGSERVICE"),
    ];

    private static readonly Dictionary<string, (string Setting, Func<string, object>? Convert)> Settings = new(StringComparer.Ordinal)
    {
        ["dbname"] = ("Database", null),
        ["user"] = ("Username", null),
        ["password"] = ("Password", null),
        ["passfile"] = ("Passfile", null),
        ["sslmode"] = ("SSL Mode", v => Choice(v, "sslmode", ("disable", SslMode.Disable), ("allow", SslMode.Allow), ("prefer", SslMode.Prefer),
            ("require", SslMode.Require), ("verify-ca", SslMode.VerifyCA), ("verify-full", SslMode.VerifyFull))),
        ["sslnegotiation"] = ("SSL Negotiation", v => Choice(
            v, "sslnegotiation", ("postgres", SslNegotiation.Postgres), ("direct", SslNegotiation.Direct))),
        ["sslrootcert"] = ("Root Certificate", null),
        ["sslcert"] = ("SSL Certificate", null),
        ["sslkey"] = ("SSL Key", null),
        ["sslpassword"] = ("SSL Password", null),
        ["application_name"] = ("Application Name", null),
        ["connect_timeout"] = ("Timeout", v => Integer(v, "connect_timeout")),
        ["options"] = ("Options", null),
        ["client_encoding"] = ("Client Encoding", null),
        ["target_session_attrs"] = ("Target Session Attributes", null),
        ["keepalives"] = ("Tcp Keepalive", v => Integer(v, "keepalives") != 0),
        ["keepalives_idle"] = ("Tcp Keepalive Time", v => Integer(v, "keepalives_idle")),
        ["keepalives_interval"] = ("Tcp Keepalive Interval", v => Integer(v, "keepalives_interval")),
        ["krbsrvname"] = ("Kerberos Service Name", null),
        ["gssencmode"] = ("GSS Encryption Mode", v => Choice(
            v, "gssencmode", ("disable", GssEncryptionMode.Disable), ("prefer", GssEncryptionMode.Prefer), ("require", GssEncryptionMode.Require))),
        ["channel_binding"] = ("Channel Binding", v => Choice(
            v, "channel_binding", ("disable", ChannelBinding.Disable), ("prefer", ChannelBinding.Prefer), ("require", ChannelBinding.Require))),
        ["load_balance_hosts"] = ("Load Balance Hosts", v => Choice(v, "load_balance_hosts", ("disable", false), ("random", true))),
    };

    // Keywords read elsewhere (host, port, hostaddr, requiressl, fallback_application_name) or harmless to ignore.
    private static readonly HashSet<string> Handled = new(StringComparer.Ordinal)
    {
        "host", "hostaddr", "port", "requiressl", "fallback_application_name", "keepalives_count",
    };

    /// <summary>True when <paramref name="keyword"/> is a libpq keyword pgseq accepts.</summary>
    public static bool IsKnown(string keyword) => Settings.ContainsKey(keyword) || Handled.Contains(keyword) || keyword == "service";

    /// <summary>Applies libpq keyword/value pairs to an Npgsql connection string builder.</summary>
    public static void Apply(IReadOnlyDictionary<string, string> pairs, NpgsqlConnectionStringBuilder builder)
    {
        if (pairs.TryGetValue("service", out var service))
        {
            throw new InputException("Conn_Service", service);
        }

        foreach (var (keyword, value) in pairs)
        {
            if (Settings.TryGetValue(keyword, out var setting))
            {
                builder[setting.Setting] = setting.Convert is null ? value : setting.Convert(value);
            }
            else if (!Handled.Contains(keyword))
            {
                throw new InputException("Conn_Unsupported", keyword);
            }
        }

        if (builder.ApplicationName is null && pairs.TryGetValue("fallback_application_name", out var fallback))
        {
            builder.ApplicationName = fallback;
        }

        if (pairs.TryGetValue("requiressl", out var requireSsl) && requireSsl == "1" && !pairs.ContainsKey("sslmode"))
        {
            builder.SslMode = SslMode.Require;
        }

        if (Hosts(pairs) is { } hosts)
        {
            builder.Host = hosts;
        }

        if (pairs.TryGetValue("port", out var port) && !port.Contains(',', StringComparison.Ordinal) && port.Length > 0)
        {
            builder.Port = Integer(port, "port");
        }
    }

    // libpq lists hosts and ports separately (host=a,b port=5432,5433); Npgsql wants host:port pairs when ports differ.
    private static string? Hosts(IReadOnlyDictionary<string, string> pairs)
    {
        var hostList = pairs.GetValueOrDefault("host") ?? pairs.GetValueOrDefault("hostaddr");
        if (hostList is null || !pairs.TryGetValue("port", out var portList) || !portList.Contains(',', StringComparison.Ordinal))
        {
            return hostList;
        }

        var hosts = hostList.Split(',');
        var ports = portList.Split(',');
        if (hosts.Length != ports.Length)
        {
            throw new InputException("Conn_HostsPorts", hosts.Length, ports.Length);
        }

        return string.Join(',', hosts.Zip(ports, (h, p) =>
        {
            var host = h.Contains(':', StringComparison.Ordinal) && !h.StartsWith('/') ? $"[{h}]" : h;
            return p.Length == 0 ? host : $"{host}:{Integer(p, "port")}";
        }));
    }

    private static int Integer(string value, string keyword) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new InputException("Conn_WholeNumber", keyword, value);

    private static object Choice<T>(string value, string keyword, params (string Name, T Value)[] choices)
        where T : notnull
    {
        foreach (var (name, choice) in choices)
        {
            if (name == value)
            {
                return choice;
            }
        }

        throw new InputException("Conn_Choice", keyword, string.Join(", ", choices.Select(c => c.Name)), value);
    }
}
