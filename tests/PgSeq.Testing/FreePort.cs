using System.Net;
using System.Net.Sockets;

namespace PgSeq.Tests.Infrastructure;

/// <summary>TCP ports on the loopback address that nothing listens on, for the servers the tests start.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
