using System.Diagnostics;
using System.Globalization;
using MediaGen.Bench.Runtime;
using MediaGen.Durable.Client;
using MediaGen.Durable.Hosting;
using MediaGen.Testing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// The storage floor, then Microsoft's Durable Task benchmark workload on the runtime, against a private Azurite.
var n = int.Parse(Environment.GetEnvironmentVariable("N") ?? "2000", CultureInfo.InvariantCulture);
const int Concurrency = 64;
const int Partitions = 4;
await using var azurite = await AzuriteInstance.StartAsync();
Console.WriteLine($"azurite blob={azurite.BlobPort} queue={azurite.QueuePort}; N={n}");

// The floor first, on a fresh Azurite: the most favourable conditions for the bare operations.
var floor = await StorageFloor.MeasureAsync(azurite.ConnectionString, n, Partitions, Concurrency, TimeSpan.FromSeconds(20));
Console.WriteLine($"storage floor: {floor:0.0} work items/s (1/32 receive + blob write + enqueue + delete; {Partitions} receive loops, {Concurrency} concurrent)");

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
builder.Configuration["BenchStorage"] = azurite.ConnectionString;
builder.Services.AddDurableRuntime(
    b => b.AddOrchestrator<SequenceOrchestration>().AddActivity<NoOp>(),
    o =>
    {
        o.ConnectionName = "BenchStorage";
        o.HubName = "bench";
        o.PartitionCount = Partitions;
        o.MaxConcurrentOrchestrations = 100;
        o.MaxConcurrentActivities = Concurrency;
        o.MaxPollingInterval = TimeSpan.FromMilliseconds(200);
    });
using var host = builder.Build();
await host.StartAsync();
var client = (DurableTaskClient)host.Services.GetService(typeof(DurableTaskClient))!;

var clock = Stopwatch.StartNew();
await Parallel.ForAsync(0, n, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
    await client.ScheduleNewOrchestrationInstanceAsync(nameof(SequenceOrchestration), i, new StartOrchestrationOptions($"bench-{i:D5}"), ct));
Console.WriteLine($"scheduled {n} in {clock.Elapsed.TotalSeconds:0.0} s");

var lastReport = TimeSpan.Zero;
while (NoOp.Finished < n)
{
    await Task.Delay(100);
    if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(5))
    {
        lastReport = clock.Elapsed;
        Console.WriteLine($"{clock.Elapsed.TotalSeconds:0} s: {NoOp.Finished}/{n} instances past their last activity");
    }

    if (clock.Elapsed > TimeSpan.FromMinutes(20))
    {
        throw new TimeoutException($"Only {NoOp.Finished}/{n} finished in 20 minutes.");
    }
}

// Exact end: every instance's state says Completed.
var completed = 0;
while (completed < n)
{
    completed = 0;
    await foreach (var _ in client.GetAllInstancesAsync(new OrchestrationQuery(Statuses: [OrchestrationRuntimeStatus.Completed], PageSize: 5000)))
    {
        completed++;
    }

    if (completed < n)
    {
        await Task.Delay(50);
    }
}

var seconds = clock.Elapsed.TotalSeconds;
await host.StopAsync();
var workItems = n * (1 + (2 * SequenceOrchestration.Steps));
var workItemsPerSecond = workItems / seconds;
var orchestrationsPerSecond = n / seconds;
Console.WriteLine($"runtime: {n} orchestrations, {workItems} work items in {seconds:0.0} s");

Console.WriteLine(string.Create(
    CultureInfo.InvariantCulture,
    $"runtime-throughput work_items_per_s={workItemsPerSecond:0.0} orchestrations_per_s={orchestrationsPerSecond:0.0} floor_work_items_per_s={floor:0.0} ratio={workItemsPerSecond / floor:0.00}"));
