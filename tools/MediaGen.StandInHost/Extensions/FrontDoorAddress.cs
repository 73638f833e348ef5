using System.Net;
using System.Net.Sockets;

namespace MediaGen.StandInHost.Extensions;

/// <summary>
/// Where the host's HTTP front door listens: loopback and a port fixed before anything starts, because extensions ask
/// for their webhook URL while the WebJobs host initialises them (a port of 0 picks a free one here).
/// </summary>
public sealed class FrontDoorAddress
{
    /// <summary>Fixes the address for <paramref name="port"/> (0: a free loopback port).</summary>
    public FrontDoorAddress(int port)
    {
        if (port is < 0 or > IPEndPoint.MaxPort)
        {
            throw new StandInHostException($"The port {port} is not a TCP port.");
        }

        Port = port == 0 ? FreePort() : port;
        BaseUri = new Uri($"http://127.0.0.1:{Port}/");
    }

    /// <summary>The loopback port.</summary>
    public int Port { get; }

    /// <summary>The front door's base address (<c>http://127.0.0.1:&lt;port&gt;/</c>).</summary>
    public Uri BaseUri { get; }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
