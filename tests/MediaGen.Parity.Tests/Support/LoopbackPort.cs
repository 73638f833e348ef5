using System.Net;
using System.Net.Sockets;

namespace MediaGen.Parity.Tests.Support;

/// <summary>Free loopback ports for servers whose address must be known before they start.</summary>
internal static class LoopbackPort
{
    /// <summary>A port free on 127.0.0.1 now (another process may take it before it is bound: callers retry).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
