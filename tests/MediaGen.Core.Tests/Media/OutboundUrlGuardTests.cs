namespace MediaGen.Core.Tests.Media;

/// <summary>The static rules, usable by the job API on caller-supplied <c>media_url</c> / <c>reference_images</c>.</summary>
public sealed class OutboundUrlGuardTests
{
    private static readonly OutboundUrlGuard Default = new();

    [Theory]
    [InlineData("https://cdn.example.com/a.png?sig=1")]
    [InlineData("http://8.8.8.8/a.png")]
    [InlineData("http://[2606:4700::1111]/a.png")]
    [InlineData("http://[::ffff:8.8.8.8]/a.png")]
    [InlineData("https://provider.example:8443/media/synthetic/x.mp4")]
    public void Check_PublicHttpUrl_ReturnsNull(string url) => Assert.Null(Default.Check(new Uri(url)));

    [Theory]
    [InlineData("http://127.0.0.1/", "not a public address")]
    [InlineData("http://2130706433/", "not a public address")]
    [InlineData("http://localhost:8080/", "loopback name")]
    [InlineData("http://api.localhost/", "loopback name")]
    [InlineData("http://169.254.169.254/", "not a public address")]
    [InlineData("http://[::1]/", "not a public address")]
    [InlineData("http://[::ffff:192.168.0.1]/", "not a public address")]
    [InlineData("ftp://example.com/", "only http and https")]
    [InlineData("file:///etc/passwd", "only http and https")]
    [InlineData("data:image/png;base64,AAAA", "only http and https")]
    [InlineData("http://u:p@example.com/", "credentials")]
    [InlineData("http://1.2.3.4.5/", "not a valid host name")]
    public void Check_RefusedUrl_NamesTheReason(string url, string reason) =>
        Assert.Contains(reason, Default.Check(new Uri(url)), StringComparison.Ordinal);

    [Fact]
    public void EnsureAllowed_RefusedUrlWithSecretQuery_MessageOmitsQuery()
    {
        var error = Assert.Throws<MediaCopyException>(() => Default.EnsureAllowed(new Uri("http://10.1.2.3/x.png?sv=2024&sig=SECRET")));

        Assert.Equal(MediaCopyErrorKind.BlockedUrl, error.Kind);
        Assert.Contains("http://10.1.2.3/x.png", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SECRET", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("127.0.0.1", "http://127.0.0.1:5080/", true)]
    [InlineData("127.0.0.1", "http://localhost:5080/", true)]
    [InlineData("127.0.0.1", "http://127.0.0.2/", false)]
    [InlineData("127.0.0.0/8", "http://127.0.0.2/", true)]
    [InlineData("10.0.0.0/8, ::1", "http://[::1]/", true)]
    [InlineData("10.0.0.0/8, ::1", "http://10.9.9.9/", true)]
    [InlineData("10.0.0.0/8, ::1", "http://169.254.169.254/", false)]
    public void Check_AllowedNetworks_AllowsOnlyThoseRanges(string allowed, string url, bool expected)
    {
        var guard = OutboundUrlGuard.FromOptions(new MediaStoreOptions { AllowedNetworks = allowed });

        Assert.Equal(expected, guard.Check(new Uri(url)) is null);
    }

    [Fact]
    public void Check_AllowPrivateNetworks_AllowsLoopbackButStillRefusesOtherSchemes()
    {
        var guard = new OutboundUrlGuard(allowPrivateNetworks: true);

        Assert.Null(guard.Check(new Uri("http://localhost/")));
        Assert.Null(guard.Check(new Uri("http://169.254.169.254/")));
        Assert.NotNull(guard.Check(new Uri("file:///etc/passwd")));
        Assert.NotNull(guard.Check(new Uri("http://a:b@localhost/")));
    }

    [Theory]
    [InlineData("8.8.8.8", true)]
    [InlineData("1.1.1.1", true)]
    [InlineData("2606:4700::1111", true)]
    [InlineData("::ffff:8.8.8.8", true)]
    [InlineData("64:ff9b::808:808", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.1", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.0.1", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("100.64.0.1", false)]
    [InlineData("100.127.255.255", false)]
    [InlineData("100.128.0.1", true)]
    [InlineData("0.0.0.0", false)]
    [InlineData("224.0.0.251", false)]
    [InlineData("255.255.255.255", false)]
    [InlineData("::", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd12:3456::1", false)]
    [InlineData("ff02::1", false)]
    [InlineData("::ffff:127.0.0.1", false)]
    [InlineData("::ffff:169.254.169.254", false)]
    [InlineData("64:ff9b::7f00:1", false)]
    [InlineData("2002:7f00:1::1", false)]
    [InlineData("2001:db8::1", false)]
    public void IsPublic_Address_ClassifiesRanges(string address, bool expected) =>
        Assert.Equal(expected, OutboundUrlGuard.IsPublic(IPAddress.Parse(address)));

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.0.0.0/8", true)]
    [InlineData("fd00::/8", true)]
    [InlineData("::1", true)]
    [InlineData("localhost", false)]
    [InlineData("10.0.0.0/33", false)]
    [InlineData("", false)]
    public void TryParseNetwork_Text_AcceptsAddressesAndCidrs(string text, bool expected) =>
        Assert.Equal(expected, OutboundUrlGuard.TryParseNetwork(text, out _));

    [Fact]
    public async Task EnsureAllowedAsync_HostResolvingToLoopback_ThrowsBlockedUrl()
    {
        var error = await Assert.ThrowsAsync<MediaCopyException>(() => Default.EnsureAllowedAsync(new Uri($"http://{Dns.GetHostName()}/x.png")));

        Assert.Equal(MediaCopyErrorKind.BlockedUrl, error.Kind);
    }
}
