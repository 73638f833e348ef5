namespace MediaGen.Simulator.Tests.Hosting;

public sealed class SimulatorFixtureTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    [Fact]
    public async Task Fixture_Started_ListensOnLoopbackWithFastDefaults()
    {
        using var health = await simulator.Client.GetAsync(new Uri("/health", UriKind.Relative));

        Assert.Equal("127.0.0.1", simulator.BaseAddress.Host);
        Assert.NotEqual(0, simulator.BaseAddress.Port);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal(TimeSpan.Zero, simulator.Options.Latency);
        Assert.Equal(TimeSpan.Zero, simulator.Options.CosmicVideoLatency);
    }

    [Fact]
    public async Task Fixture_MediaUrls_PointAtTheFixtureAddress()
    {
        using var response = await simulator.Client.PostCosmicAsync("audio", new { prompt = "Hello" });

        var url = new Uri((string)(await response.JsonAsync())["media"]!["url"]!);
        Assert.Equal(simulator.BaseAddress.Authority, url.Authority);
    }

    [Fact]
    public async Task Fixture_LiveOptions_ApplyToTheNextRequest()
    {
        simulator.Options.RequireKnownMediaForExtend = true;
        try
        {
            using var response = await simulator.Client.PostCosmicAsync("video/extend", new { media_id = "65f8a3b2c4d5e6f7a8b9c0d1", prompt = "Continue" });

            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        }
        finally
        {
            simulator.Options.RequireKnownMediaForExtend = false;
        }
    }

    [Fact]
    public async Task PublicBaseUrl_WithPathPrefix_IsUsedForHandedOutUrls()
    {
        simulator.Options.PublicBaseUrl = new Uri("https://simulator.example.test/providers/");
        try
        {
            using var image = await simulator.Client.PostCosmicAsync("image", new { prompt = "Behind a proxy" });
            using var submit = await simulator.Client.PostPixazoAsync(Api.PixazoTextToImage, new { prompt = "Behind a proxy" });

            Assert.StartsWith("https://simulator.example.test/providers/media/", (string)(await image.JsonAsync())["media"]!["url"]!, StringComparison.Ordinal);
            Assert.StartsWith("https://simulator.example.test/providers/v2/requests/status/", (string)(await submit.JsonAsync())["polling_url"]!, StringComparison.Ordinal);
        }
        finally
        {
            simulator.Options.PublicBaseUrl = null;
        }
    }
}
