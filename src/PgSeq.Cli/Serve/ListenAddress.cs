using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PgSeq.Cli.Serve;

/// <summary>
/// The address <c>pgseq serve --listen</c> takes: <c>HOST:PORT</c> with an IPv4 address, a bracketed IPv6 address,
/// <c>localhost</c>, or nothing before the colon for every IPv4 address. Parsed before the server is built, so that a
/// mistake is a usage error rather than a failure inside the web server.
/// </summary>
internal static class ListenAddress
{
    /// <summary>Port 9632: free in the Prometheus wiki's default port allocations, next to the database exporters
    /// (9187 postgres_exporter) without taking theirs; loopback only until told otherwise.</summary>
    public static IPEndPoint Default { get; } = new(IPAddress.Loopback, 9632);

    public static bool TryParse(string text, out IPEndPoint endpoint)
    {
        endpoint = Default;
        var colon = text.LastIndexOf(':');
        if (colon < 0 || !int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
        {
            return false;
        }

        var host = text[..colon];
        IPAddress? address = host switch
        {
            "" => IPAddress.Any,
            _ when host.Equals("localhost", StringComparison.OrdinalIgnoreCase) => IPAddress.Loopback,
            ['[', .. var inner, ']'] when IPAddress.TryParse(inner, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 => v6,

            // Four dotted parts only: IPAddress would also take "1" or "10.1" as legacy IPv4 forms.
            _ when host.Split('.').Length == 4 && IPAddress.TryParse(host, out var v4) => v4,
            _ => null,
        };
        if (address is null)
        {
            return false;
        }

        endpoint = new IPEndPoint(address, port);
        return true;
    }
}
