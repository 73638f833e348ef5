using MediaGen.Drives;
using Xunit.Abstractions;

namespace MediaGen.Host.Tests.Drives;

/// <summary>
/// scripts/crash-drive.sh and scripts/fault-storm.sh scaled down (the same code, 40 jobs), so CI guards them: the standalone
/// host as its own process over its own Azurite, checked against blobs, the simulator's ledger, the job API, the results
/// queue and the callbacks. The drives' own checks decide; the test fails with every violation they found.
/// </summary>
[Collection(DriveCollection.Name)]
public sealed class DriveTests(ITestOutputHelper output)
{
    [Fact]
    public async Task CrashDrive_HostKilledTwiceDuringBatch_NothingLostNothingBoughtTwice()
    {
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var log = new StringWriter();
        var result = await CrashDrive.RunAsync(
            new CrashDriveOptions
            {
                Items = 40,
                Kills = 2,
                Seed = 11,
                FinishTimeout = TimeSpan.FromMinutes(3),
                // Messages a killed host had dequeued come back after these (the defaults are 30 s).
                HostSettings = new Dictionary<string, string>
                {
                    ["DurableTask__ControlQueueVisibilityTimeout"] = "00:00:10",
                    ["DurableTask__WorkItemQueueVisibilityTimeout"] = "00:00:10",
                },
            },
            log,
            hangGuard.Token);
        output.WriteLine(log.ToString());
        output.WriteLine(result.Summary);
        Assert.True(result.Passed, string.Join("\n", result.Violations));
        Assert.Contains("items=40 ", result.Summary, StringComparison.Ordinal);
        Assert.Contains(" kills=2 ", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FaultStorm_HalfTheJobsFaulted_EveryJobEndsAsItsFaultPrescribes()
    {
        using var hangGuard = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var log = new StringWriter();
        var result = await FaultStorm.RunAsync(
            new FaultStormOptions { Jobs = 40, FaultRatio = 0.5, Seed = 11, JobTimeout = TimeSpan.FromMinutes(2) },
            log,
            hangGuard.Token);
        output.WriteLine(log.ToString());
        output.WriteLine(result.Summary);
        Assert.True(result.Passed, string.Join("\n", result.Violations));
        Assert.Contains(" jobs=40 faulted=20 ", result.Summary, StringComparison.Ordinal);
    }
}
