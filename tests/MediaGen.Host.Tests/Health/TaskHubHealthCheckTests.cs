using MediaGen.Api.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace MediaGen.Host.Tests.Health;

/// <summary>The task hub readiness check against a real storage account (Azurite).</summary>
public sealed class TaskHubHealthCheckTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task CheckHealthAsync_HubNotCreatedThenCreated_UnhealthyThenHealthy()
    {
        var queues = new QueueServiceClient(azurite.ConnectionString);
        var hub = "Hub" + Guid.NewGuid().ToString("N")[..8];
        var check = new TaskHubHealthCheck(queues, hub);

        var before = await check.CheckHealthAsync(Context(check));
        await queues.CreateQueueAsync(hub.ToLowerInvariant() + "-workitems");
        var after = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Unhealthy, before.Status);
        Assert.Contains($"task hub {hub} does not exist yet", before.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Healthy, after.Status);
        Assert.Equal("ready", after.Description);
    }

    [Fact]
    public async Task CheckHealthAsync_NoHubName_Unhealthy()
    {
        var check = new TaskHubHealthCheck(new QueueServiceClient(azurite.ConnectionString), "");

        var result = await check.CheckHealthAsync(Context(check));

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Equal("No task hub name is configured.", result.Description);
    }

    private static HealthCheckContext Context(IHealthCheck check) =>
        new() { Registration = new HealthCheckRegistration(TaskHubHealthCheck.Name, check, HealthStatus.Unhealthy, [HealthEndpoints.ReadyTag]) };
}
