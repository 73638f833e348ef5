namespace MediaGen.Simulator.Tests;

public sealed class ConfiguredKeyTests(KeyedSimulatorFixture simulator) : IClassFixture<KeyedSimulatorFixture>
{
    private readonly HttpClient _client = simulator.Client;

    [Fact]
    public async Task Cosmic_ConfiguredKey_Returns200AndOtherKey401()
    {
        using var ok = await _client.PostCosmicAsync("text", new { prompt = "x" }, KeyedSimulatorFixture.CosmicKey);
        using var wrong = await _client.PostCosmicAsync("text", new { prompt = "x" }, "someone-elses-key");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }

    [Fact]
    public async Task Pixazo_ConfiguredKey_Returns202AndOtherKey401()
    {
        using var ok = await _client.PostPixazoAsync(Api.PixazoTextToImage, new { prompt = "x" }, KeyedSimulatorFixture.PixazoKey);
        using var wrong = await _client.PostPixazoAsync(Api.PixazoTextToImage, new { prompt = "x" }, "nope");

        Assert.Equal(HttpStatusCode.Accepted, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Contains("invalid subscription key", (string)(await wrong.JsonAsync())["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Comet_ConfiguredKey_Returns200AndOtherKey401()
    {
        using var ok = await _client.PostCometAsync(new { prompt = "x" }, KeyedSimulatorFixture.CometKey);
        using var wrong = await _client.PostCometAsync(new { prompt = "x" }, "sk-other");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
    }
}
