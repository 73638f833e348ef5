using System.Net;
using MediaGen.Testing;
using Microsoft.AspNetCore.Mvc.Testing;

namespace MediaGen.Host.Tests;

public sealed class HealthEndpointTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const string ApiKey = "health-test-key-0123456789";

    [Fact]
    public async Task Health_StorageReachable_Returns200()
    {
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("AzureWebJobsStorage", azurite.ConnectionString).UseSetting("Api:Key", ApiKey));
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("reachable", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_StorageDown_Returns503ProblemDetails()
    {
        var port = FreePort();
        await using var factory = new WebApplicationFactory<Program>()
            .WithWebHostBuilder(b => b.UseSetting("AzureWebJobsStorage",
                $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AzuriteInstance.AccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;QueueEndpoint=http://127.0.0.1:{port}/devstoreaccount1;TableEndpoint=http://127.0.0.1:{port}/devstoreaccount1;")
                .UseSetting("Api:Key", ApiKey));
        using var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
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

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
