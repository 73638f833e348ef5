using System.Net;
using System.Net.Sockets;

namespace MediaGen.Launcher;

/// <summary>Free TCP ports on 127.0.0.1, for an app whose address must be known before it starts.</summary>
public static class LoopbackPort
{
    /// <summary>A port nothing listens on now (another process may still take it before the app binds it).</summary>
    public static int Free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary><c>http://127.0.0.1:&lt;free port&gt;/</c>.</summary>
    public static Uri FreeAddress() => new($"http://127.0.0.1:{Free()}/");
}
