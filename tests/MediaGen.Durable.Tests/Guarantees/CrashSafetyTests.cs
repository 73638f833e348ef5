using MediaGen.Durable.Client;
using MediaGen.Durable.Hosting;
using MediaGen.Durable.Storage.Azure;
using MediaGen.Durable.Tests.Support;
using MediaGen.Durable.TestWorker;
using MediaGen.Testing;

namespace MediaGen.Durable.Tests.Guarantees;

/// <summary>Crash safety: a worker killed with SIGKILL at random points loses no instance and duplicates no history event.</summary>
public sealed class CrashSafetyTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    private const int Instances = 50;
    private const int Bump = 1000;

    [Fact]
    public async Task Worker_KilledRepeatedlyAtRandomPoints_EveryInstanceCompletesOnceWithExpectedOutput()
    {
        var hub = "crash" + Guid.NewGuid().ToString("N")[..8];
        var client = CreateClient(hub);
        using var worker = new TestWorkerProcess(azurite.ConnectionString, hub, "crash-worker");
        var random = new Random(20240611);
        var ids = Enumerable.Range(0, Instances).Select(i => $"crash-{i:D2}").ToList();

        worker.Start();
        for (var i = 0; i < Instances; i++)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(nameof(CrashWorkflow), i, new StartOrchestrationOptions(ids[i]));
        }

        var unfinishedAtKill = new List<int>();
        for (var kill = 0; kill < 5; kill++)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(700, 2500)));
            unfinishedAtKill.Add(await CountUnfinishedAsync(client));
            worker.Kill();
            if (kill is 1 or 3)
            {
                // Events arrive while no worker runs at all (half after the 2nd kill, half after the 4th): they wait in the queue.
                foreach (var id in ids.Where((_, i) => i % 2 == (kill == 1 ? 0 : 1)))
                {
                    await client.RaiseEventAsync(id, TestWorkflows.BumpEvent, Bump);
                }
            }

            worker.Start();
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        for (var i = 0; i < Instances; i++)
        {
            var done = await client.WaitForInstanceCompletionAsync(ids[i], true, timeout.Token);
            Assert.True(done.RuntimeStatus == OrchestrationRuntimeStatus.Completed, $"{ids[i]}: {done.RuntimeStatus} {done.FailureDetails}\n{worker.Output}");
            Assert.Equal(TestWorkflows.ExpectedCrashOutput(i, Bump), done.ReadOutputAs<int>());
            HistoryAssert.NoDuplicates((await client.GetHistoryAsync(ids[i]))!, ids[i]);
            HistoryAssert.NoDuplicates((await client.GetHistoryAsync(ids[i] + "-child"))!, ids[i] + "-child");
        }

        Assert.True(unfinishedAtKill.Count(n => n > 0) >= 3, $"the kills must hit work in progress; unfinished at each kill: {string.Join(", ", unfinishedAtKill)}");
    }

    private static async Task<int> CountUnfinishedAsync(DurableRuntimeClient client) =>
        await client.GetAllInstancesAsync(new OrchestrationQuery(
            InstanceIdPrefix: "crash-",
            Statuses: [OrchestrationRuntimeStatus.Pending, OrchestrationRuntimeStatus.Running])).CountAsync();

    private DurableRuntimeClient CreateClient(string hub) => GuaranteeHosts.CreateClient(new AzureDurableStorage(azurite.ConnectionString), hub);
}
