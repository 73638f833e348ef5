namespace MediaGen.Core.Tests.Media;

/// <summary>
/// SSRF attempts against a store with the default (public-only) rules are refused before any connection: the
/// loopback source counts accepted connections and must see none.
/// </summary>
[Collection(MediaTestEnvironment.Name)]
public sealed class MediaStoreSsrfTests(MediaTestEnvironment env)
{
    private static readonly MediaTarget Target = new("job-ssrf", 0);

    [Theory]
    [InlineData("http://127.0.0.1:{port}/files/x.png")]
    [InlineData("http://localhost:{port}/files/x.png")]
    [InlineData("http://LOCALHOST.:{port}/files/x.png")]
    [InlineData("http://2130706433:{port}/files/x.png")]
    [InlineData("http://0x7f000001:{port}/files/x.png")]
    [InlineData("http://017700000001:{port}/files/x.png")]
    [InlineData("http://0177.0.0.1:{port}/files/x.png")]
    [InlineData("http://127.1:{port}/files/x.png")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/files/x.png")]
    [InlineData("http://[::ffff:7f00:1]:{port}/files/x.png")]
    public async Task CopyFromUrlAsync_LoopbackInAnyNotation_RefusedWithoutConnecting(string template)
    {
        using var store = env.CreateStore(out var container, o => o.AllowedNetworks = "");
        var before = env.Source.Connections();
        var url = new Uri(template.Replace("{port}", env.Source.Bases[0].Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal));

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(url, Target));

        Assert.Equal(MediaCopyErrorKind.BlockedUrl, error.Kind);
        Assert.Equal("blocked_url", error.Code);
        Assert.Equal(before, env.Source.Connections());
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Theory]
    [InlineData("http://10.0.0.1/a.png")]
    [InlineData("http://10.255.255.254:8080/a.png")]
    [InlineData("http://172.16.0.1/a.png")]
    [InlineData("http://172.31.255.1/a.png")]
    [InlineData("http://192.168.1.1/a.png")]
    [InlineData("http://169.254.169.254/latest/meta-data/iam/security-credentials/")]
    [InlineData("http://100.64.0.1/a.png")]
    [InlineData("http://0.0.0.0/a.png")]
    [InlineData("http://0/a.png")]
    [InlineData("http://224.0.0.1/a.png")]
    [InlineData("http://255.255.255.255/a.png")]
    [InlineData("http://[::1]/a.png")]
    [InlineData("http://[::]/a.png")]
    [InlineData("http://[fe80::1]/a.png")]
    [InlineData("http://[fd00::2]/a.png")]
    [InlineData("http://[fc00::1]/a.png")]
    [InlineData("http://[ff02::1]/a.png")]
    [InlineData("http://[::ffff:10.0.0.1]/a.png")]
    [InlineData("http://[::ffff:169.254.169.254]/a.png")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/a.png")]
    [InlineData("http://[2002:a9fe:a9fe::1]/a.png")]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://example.com/a.png")]
    [InlineData("gopher://example.com/a")]
    [InlineData("http://user:pass@example.com/a.png")]
    [InlineData("https://token@example.com/a.png")]
    [InlineData("http://1.2.3.4.5/a.png")]
    public async Task CopyFromUrlAsync_NonPublicOrNonHttpUrl_RefusedAsBlockedUrl(string url)
    {
        using var store = env.CreateStore(out var container, o => o.AllowedNetworks = "");

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(new Uri(url), Target));

        Assert.Equal(MediaCopyErrorKind.BlockedUrl, error.Kind);
        Assert.StartsWith("Refused to fetch", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("user:pass@", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("token@", error.Message, StringComparison.Ordinal);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Fact]
    public async Task CopyFromUrlAsync_HostNameResolvingToNonPublicAddress_RefusedAtConnectWithoutConnecting()
    {
        // The machine's own name passes the static check (it is not "localhost") but resolves to a loopback or
        // private address: only the connect-time check on resolved addresses can catch it, as with DNS rebinding.
        var host = Dns.GetHostName();
        Assert.All(await Dns.GetHostAddressesAsync(host), a => Assert.False(OutboundUrlGuard.IsPublic(a), $"{host} resolves to public {a}"));
        using var store = env.CreateStore(out var container, o => o.AllowedNetworks = "");
        var before = env.Source.Connections();
        Assert.Null(store.Guard.Check(new Uri($"http://{host}:{env.Source.Bases[0].Port}/files/x.png")));

        var error = await Assert.ThrowsAsync<MediaCopyException>(() => store.CopyFromUrlAsync(new Uri($"http://{host}:{env.Source.Bases[0].Port}/files/x.png"), Target));

        Assert.Equal(MediaCopyErrorKind.BlockedUrl, error.Kind);
        Assert.Contains("resolves only to non-public addresses", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, env.Source.Connections());
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Fact]
    public async Task CopyFromUrlAsync_RedirectToAnotherLoopbackAddress_RefusedWithoutConnectingThere()
    {
        // 127.0.0.1 is allowed (simulator setup); the redirect target 127.0.0.2 is loopback too but not allowed.
        using var store = env.CreateStore(out var container);
        var hidden = env.Source.Serve(Guid.NewGuid() + ".png", Payload.Png(1_000), "image/png");
        var internalUrl = new Uri(env.Source.Bases[1], hidden.PathAndQuery);
        var before = env.Source.Connections(listener: 1);

        var error = await Assert.ThrowsAsync<MediaCopyException>(() =>
            store.CopyFromUrlAsync(env.Source.Url("/redirect?to=" + Uri.EscapeDataString(internalUrl.ToString())), Target));

        Assert.Equal(MediaCopyErrorKind.BlockedUrl, error.Kind);
        Assert.Contains("Refused to follow the redirect", error.Message, StringComparison.Ordinal);
        Assert.Equal(before, env.Source.Connections(listener: 1));
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Fact]
    public async Task CopyFromUrlAsync_RedirectToMetadataEndpoint_Refused()
    {
        using var store = env.CreateStore(out var container);

        var error = await Assert.ThrowsAsync<MediaCopyException>(() =>
            store.CopyFromUrlAsync(env.Source.Url("/redirect?to=" + Uri.EscapeDataString("http://169.254.169.254/latest/meta-data/")), Target));

        Assert.Equal(MediaCopyErrorKind.BlockedUrl, error.Kind);
        Assert.Contains("169.254.169.254", error.Message, StringComparison.Ordinal);
        Assert.Empty(await BlobAssert.NamesAsync(env.Blobs, container));
    }

    [Fact]
    public async Task CopyFromUrlAsync_AllowPrivateNetworks_FetchesAnyLoopbackAddress()
    {
        using var store = env.CreateStore(out _, o => { o.AllowedNetworks = ""; o.AllowPrivateNetworks = true; });
        var bytes = Payload.Png(2_000);
        var url = new Uri(env.Source.Bases[1], env.Source.Serve(Guid.NewGuid() + ".png", bytes, "image/png").PathAndQuery);

        var stored = await store.CopyFromUrlAsync(url, Target);

        await BlobAssert.StoredAsync(env.Blobs, stored, bytes, "image/png", Target);
    }
}
