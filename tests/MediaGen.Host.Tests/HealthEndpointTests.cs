using Microsoft.AspNetCore.Mvc.Testing;

namespace MediaGen.Host.Tests;

public sealed class HealthEndpointTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string ApiKey = "health-test-key-0123456789";

    [Fact]
    public async Task Health_StorageReachableAndEngineStarted_Returns200WithStorageAndTaskHub()
    {
        await using var factory = Factory(azurite.ConnectionString);
        using var client = factory.CreateClient();

        // The engine creates its task hub in the background after start-up: readiness turns 200 once it has.
        var body = await Waits.ForAsync(async () =>
        {
            using var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));
            return response.StatusCode == HttpStatusCode.OK ? await response.Content.ReadAsStringAsync() : null;
        }, "a ready host");

        using var json = JsonDocument.Parse(body);
        Assert.Equal("ok", json.RootElement.GetProperty("status").GetString());
        Assert.Equal("reachable", json.RootElement.GetProperty("storage").GetString());
        Assert.Equal("ready", json.RootElement.GetProperty("taskHub").GetString());
        using var ready = await client.GetAsync(new Uri("/api/health/ready", UriKind.Relative));
        Assert.Equal(body, await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Health_StorageDown_Returns503ProblemDetailsNamingTheFailedChecks()
    {
        await using var factory = Factory(DeadStorage());
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Storage unreachable", problem.RootElement.GetProperty("title").GetString());
        Assert.Contains("storage account", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("Unhealthy", problem.RootElement.GetProperty("checks").GetProperty("storage").GetString());
        Assert.Equal("Unhealthy", problem.RootElement.GetProperty("checks").GetProperty("taskHub").GetString());
    }

    [Fact]
    public async Task HealthLive_StorageDown_Returns200()
    {
        await using var factory = Factory(DeadStorage());
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/health/live", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"ok"}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Start_NoStorageConnection_FailsNamingTheSetting()
    {
        using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("AzureWebJobsStorage", "").UseSetting("Api:Key", ApiKey));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("AzureWebJobsStorage", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NoApiKey_FailsNamingTheSetting()
    {
        using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("AzureWebJobsStorage", azurite.ConnectionString));

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("Api__Key", error.ToString(), StringComparison.Ordinal);
    }

    /// <summary>A host on <paramref name="storage"/> with every secret readiness requires (provider and callback keys) set.</summary>
    private static WebApplicationFactory<Program> Factory(string storage) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(b => b
            .UseSetting("AzureWebJobsStorage", storage)
            .UseSetting("Api:Key", ApiKey)
            .UseSetting("Cosmic:WriteKey", "health-cosmic-key")
            .UseSetting("Pixazo:SubscriptionKey", "health-pixazo-key")
            .UseSetting("Comet:ApiKey", "health-comet-key")
            .UseSetting("Callbacks:SigningKey", ReceivedWebhook.NewSecret()));

    private static string DeadStorage()
    {
        var port = LoopbackPort.Free();
        return AzuriteInstance.ConnectionStringFor(port, port, port);
    }
}
