using MediaGen.Drives;
using Xunit.Abstractions;

namespace MediaGen.Host.Tests.Drives;

/// <summary>
/// scripts/storage-outage.sh scaled down (the same code, 40 items, Azurite stopped 15 s): the standalone host as its own
/// process over its own Azurite with its data on disk, checked against blobs, the simulator's ledger, the job API, the results
/// queue, the callbacks, readiness and the webhooks sent during the outage. The drive's own checks decide.
/// </summary>
[Collection(OutageCollection.Name)]
public sealed class StorageOutageDriveTests(ITestOutputHelper output)
{
    [Fact]
    public async Task StorageOutage_AzuriteStoppedDuringBatch_NothingLostWebhooksRefusedRetryably()
    {
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(7));
        var log = new StringWriter();
        var result = await StorageOutageDrive.RunAsync(
            new StorageOutageOptions
            {
                Items = 40,
                Outage = TimeSpan.FromSeconds(15),
                Seed = 11,
                FinishTimeout = TimeSpan.FromMinutes(4),
                // The engine's defaults otherwise (a 2-minute control-queue visibility, which the outage needs); activity
                // messages dequeued before the outage whose results could not be saved come back after this instead of 30 s.
                HostSettings = new Dictionary<string, string> { ["DurableTask__WorkItemQueueVisibilityTimeout"] = "00:00:10" },
            },
            log,
            hangGuard.Token);
        output.WriteLine(log.ToString());
        output.WriteLine(result.Summary);
        Assert.True(result.Passed, string.Join("\n", result.Violations));
        Assert.StartsWith("storage-outage items=40 completed=", result.Summary, StringComparison.Ordinal);
    }
}
