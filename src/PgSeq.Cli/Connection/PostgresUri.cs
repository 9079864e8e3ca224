namespace PgSeq.Cli.Connection;

/// <summary>
/// Parses a libpq connection URI into libpq keywords:
/// <c>postgresql://[user[:password]@][host][:port][,host2[:port2]...][/dbname][?keyword=value&amp;...]</c>, with
/// percent-encoding anywhere, <c>[...]</c> around IPv6 addresses, and <c>%2F</c>-encoded socket directories as hosts.
/// </summary>
internal static class PostgresUri
{
    private static readonly string[] Schemes = ["postgresql://", "postgres://"];

    public static bool IsUri(string text) => Schemes.Any(s => text.StartsWith(s, StringComparison.OrdinalIgnoreCase));

    public static Dictionary<string, string> Parse(string uri)
    {
        var rest = uri[Schemes.First(s => uri.StartsWith(s, StringComparison.OrdinalIgnoreCase)).Length..];
        var pairs = new Dictionary<string, string>(StringComparer.Ordinal);

        var queryStart = rest.IndexOf('?', StringComparison.Ordinal);
        var query = queryStart >= 0 ? rest[(queryStart + 1)..] : string.Empty;
        rest = queryStart >= 0 ? rest[..queryStart] : rest;

        var pathStart = rest.IndexOf('/', StringComparison.Ordinal);
        if (pathStart >= 0)
        {
            var database = Decode(rest[(pathStart + 1)..]);
            if (database.Length > 0)
            {
                pairs["dbname"] = database;
            }

            rest = rest[..pathStart];
        }

        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            var user = Decode(colon >= 0 ? userInfo[..colon] : userInfo);
            if (user.Length > 0)
            {
                pairs["user"] = user;
            }

            if (colon >= 0)
            {
                pairs["password"] = Decode(userInfo[(colon + 1)..]);
            }

            rest = rest[(at + 1)..];
        }

        ParseHosts(rest, pairs);

        foreach (var parameter in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new InputException("Conn_NoValue", Decode(parameter));
            }

            var key = Decode(parameter[..equals]);
            var value = Decode(parameter[(equals + 1)..]);
            if (key == "ssl" && value == "true")
            {
                (key, value) = ("sslmode", "require");
            }

            pairs[key] = value;
        }

        return pairs;
    }

    private static void ParseHosts(string hostList, Dictionary<string, string> pairs)
    {
        if (hostList.Length == 0)
        {
            return;
        }

        var hosts = new List<string>();
        var ports = new List<string>();
        foreach (var entry in hostList.Split(','))
        {
            string host;
            var port = string.Empty;
            if (entry.StartsWith('['))
            {
                var close = entry.IndexOf(']', StringComparison.Ordinal);
                if (close < 0)
                {
                    throw new InputException("Conn_Ipv6");
                }

                host = entry[1..close];
                if (close + 1 < entry.Length)
                {
                    port = entry[(close + 1)..].TrimStart(':');
                }
            }
            else
            {
                var colon = entry.LastIndexOf(':');
                host = colon >= 0 ? entry[..colon] : entry;
                port = colon >= 0 ? entry[(colon + 1)..] : string.Empty;
            }

            hosts.Add(Decode(host));
            ports.Add(Decode(port));
        }

        if (hosts.Any(h => h.Length > 0))
        {
            pairs["host"] = string.Join(',', hosts);
        }

        if (ports.Any(p => p.Length > 0))
        {
            pairs["port"] = string.Join(',', ports);
        }
    }

    private static string Decode(string text)
    {
        for (var i = text.IndexOf('%', StringComparison.Ordinal); i >= 0; i = text.IndexOf('%', i + 1))
        {
            if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2]))
            {
                throw new InputException("Conn_PercentEncoding");
            }
        }

        return Uri.UnescapeDataString(text);
    }
}
