using System.Net.Sockets;

namespace MediaGen.Core.Media;

/// <summary>
/// Decides which URLs MediaGen may fetch: http(s) only, no credentials in the URL, and only public addresses
/// unless configuration allows more (<see cref="MediaStoreOptions.AllowPrivateNetworks"/>,
/// <see cref="MediaStoreOptions.AllowedNetworks"/>). <see cref="EnsureAllowed"/> is the static check (no I/O)
/// for caller-supplied URLs; <see cref="ConnectAsync"/> is the connect callback that re-checks the addresses a
/// host actually resolves to, so DNS rebinding or a redirect cannot reach a refused address.
/// </summary>
public sealed partial class OutboundUrlGuard
{
    private static readonly IPNetwork[] NonPublicNetworks =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "64:ff9b:1::/48", "100::/64", "2001::/32", "2001:db8::/32", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(n => IPNetwork.Parse(n)),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");

    private readonly bool _allowPrivateNetworks;
    private readonly IPNetwork[] _allowedNetworks;

    /// <summary>Creates a guard.</summary>
    /// <param name="allowPrivateNetworks">Allow every address (development only).</param>
    /// <param name="allowedNetworks">Non-public addresses or CIDR ranges that are allowed anyway.</param>
    /// <exception cref="ArgumentException">An entry of <paramref name="allowedNetworks"/> is not an address or CIDR range.</exception>
    public OutboundUrlGuard(bool allowPrivateNetworks = false, IEnumerable<string>? allowedNetworks = null)
    {
        _allowPrivateNetworks = allowPrivateNetworks;
        _allowedNetworks = (allowedNetworks ?? []).Select(entry => TryParseNetwork(entry, out var network)
            ? network
            : throw new ArgumentException($"'{entry}' is not an IP address or CIDR range.", nameof(allowedNetworks))).ToArray();
    }

    /// <summary>A guard with the configured allowances.</summary>
    public static OutboundUrlGuard FromOptions(MediaStoreOptions options) => new(options.AllowPrivateNetworks, options.AllowedNetworkList());

    /// <summary>Why <paramref name="url"/> may not be fetched (scheme, credentials, host, literal address), or null. No I/O.</summary>
    public string? Check(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            return $"only http and https URLs are fetched, not '{(url.IsAbsoluteUri ? url.Scheme + ":" : "a relative URL")}'";
        }

        if (url.UserInfo.Length > 0)
        {
            return "URLs with credentials (user:password@) are not fetched";
        }

        switch (url.HostNameType)
        {
            case UriHostNameType.IPv4 or UriHostNameType.IPv6:
                // Uri already canonicalises decimal, octal and hex forms (http://2130706433/ is 127.0.0.1).
                var address = IPAddress.Parse(url.Host.Trim('[', ']'));
                return IsAllowed(address) ? null : $"{Describe(address)} is not a public address";
            case UriHostNameType.Dns:
                var host = url.IdnHost.TrimEnd('.').ToLowerInvariant();
                if (host.Length == 0 || NumericHost().IsMatch(host))
                {
                    return $"'{url.Host}' is not a valid host name";
                }

                if (host == "localhost" || host.EndsWith(".localhost", StringComparison.Ordinal))
                {
                    return IsAllowed(IPAddress.Loopback) || IsAllowed(IPAddress.IPv6Loopback) ? null : $"'{url.Host}' is a loopback name";
                }

                return null;
            default:
                return $"'{url.Host}' is not a valid host";
        }
    }

    /// <summary>Throws unless <paramref name="url"/> passes <see cref="Check"/>.</summary>
    /// <exception cref="MediaCopyException"><see cref="MediaCopyErrorKind.BlockedUrl"/>.</exception>
    public void EnsureAllowed(Uri url)
    {
        if (Check(url) is { } reason)
        {
            throw Blocked(url, reason);
        }
    }

    /// <summary>
    /// <see cref="EnsureAllowed"/> plus a DNS lookup: throws unless the host resolves to at least one allowed address.
    /// For validating caller-supplied URLs early; fetching re-checks at connect time anyway.
    /// </summary>
    /// <exception cref="MediaCopyException"><see cref="MediaCopyErrorKind.BlockedUrl"/>, or <see cref="MediaCopyErrorKind.SourceFailed"/> when the host does not resolve.</exception>
    public async Task EnsureAllowedAsync(Uri url, CancellationToken cancellationToken = default)
    {
        EnsureAllowed(url);
        try
        {
            await ResolveAllowedAsync(url.IdnHost, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException ex)
        {
            throw new MediaCopyException(MediaCopyErrorKind.SourceFailed, $"The host of {MediaCopyException.Redact(url)} does not resolve: {ex.Message}", isTransient: true, innerException: ex);
        }
    }

    /// <summary>Whether a connection to <paramref name="address"/> is allowed.</summary>
    public bool IsAllowed(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        return _allowPrivateNetworks || IsPublic(address) || _allowedNetworks.Any(n => n.Contains(address));
    }

    /// <summary>Whether <paramref name="address"/> is a public unicast address (IPv4-mapped, NAT64 and 6to4 forms judged by their IPv4 address).</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }
        else if (address.AddressFamily == AddressFamily.InterNetworkV6 && (Nat64.Contains(address) || SixToFour.Contains(address)))
        {
            var bytes = address.GetAddressBytes();
            var embedded = Nat64.Contains(address) ? bytes.AsSpan(12, 4) : bytes.AsSpan(2, 4);
            return IsPublic(new IPAddress(embedded));
        }

        return !NonPublicNetworks.Any(n => n.BaseAddress.AddressFamily == address.AddressFamily && n.Contains(address));
    }

    /// <summary>Parses <c>10.1.2.3</c>, <c>10.0.0.0/8</c>, <c>::1</c> or <c>fd00::/8</c>.</summary>
    public static bool TryParseNetwork(string? text, out IPNetwork network)
    {
        network = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        text = text.Trim();
        if (text.Contains('/', StringComparison.Ordinal))
        {
            return IPNetwork.TryParse(text, out network);
        }

        if (!IPAddress.TryParse(text, out var address))
        {
            return false;
        }

        address = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        network = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
        return true;
    }

    /// <summary>
    /// A <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the host, drops refused addresses and connects
    /// to the first allowed one that answers.
    /// </summary>
    /// <exception cref="MediaCopyException">The host resolves to no allowed address (wrapped by the handler in an <see cref="HttpRequestException"/>).</exception>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var addresses = await ResolveAllowedAsync(context.DnsEndPoint.Host, cancellationToken).ConfigureAwait(false);
        SocketException? lastFailure = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            var connected = false;
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, context.DnsEndPoint.Port), cancellationToken).ConfigureAwait(false);
                connected = true;
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                lastFailure = ex;
            }
            finally
            {
                if (!connected)
                {
                    socket.Dispose();
                }
            }
        }

        throw lastFailure ?? new SocketException((int)SocketError.HostNotFound);
    }

    private async Task<IPAddress[]> ResolveAllowedAsync(string host, CancellationToken cancellationToken)
    {
        host = host.Trim('[', ']');
        var resolved = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
        var allowed = resolved.Where(IsAllowed).ToArray();
        return allowed.Length > 0
            ? allowed
            : throw new MediaCopyException(MediaCopyErrorKind.BlockedUrl,
                $"Refused to connect to '{host}': it resolves only to non-public addresses ({string.Join(", ", resolved.Select(Describe))}).");
    }

    private static MediaCopyException Blocked(Uri url, string reason) =>
        new(MediaCopyErrorKind.BlockedUrl, $"Refused to fetch {(url.IsAbsoluteUri ? MediaCopyException.Redact(url) : "a relative URL")}: {reason}.");

    private static string Describe(IPAddress address) => address.ToString();

    [GeneratedRegex("^(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*$")]
    private static partial Regex NumericHost();
}
