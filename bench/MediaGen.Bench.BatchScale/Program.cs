using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using MediaGen.Bench.BatchScale;
using MediaGen.Bench.Common;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Testing;
using MediaGen.Workflows;
using Microsoft.Extensions.DependencyInjection;
using static MediaGen.Bench.Common.BenchSettings;

// A SMALL-item and a LARGE-item Cosmic image batch (defaults 100 and 1,000) through the job service and the standalone
// engine on Azurite, one after the other on one task hub, with the simulator answering at once; the batch runs with the
// app's own batching (Workflows:BatchChunkSize items per chunk sub-orchestration, Workflows:BatchConcurrency in flight).
// Per-item time = the batch's wall time (start → its final status in the Instances table) / items.
// STATUS_POLL_SECONDS=n also reads the batch's status (GET /api/batches/{id}) every n seconds, as a watching client would.
// FLOOD=n instead starts n single image jobs at once and watches them for FLOOD_SECONDS (a diagnosis, not a figure).
var small = Int("SMALL", 100);
var large = Int("LARGE", 1000);
var progressSeconds = Int("PROGRESS_SECONDS", 15);
var statusPollSeconds = int.TryParse(Environment.GetEnvironmentVariable("STATUS_POLL_SECONDS"), CultureInfo.InvariantCulture, out var poll) ? poll : 0;
var batchTimeout = TimeSpan.FromMinutes(Int("BATCH_TIMEOUT_MINUTES", 20));

await using var env = await BenchEnvironment.StartAsync();
Console.WriteLine($"batch-scale: SMALL={small} LARGE={large}; engine settings: {EngineOverrides()}; " +
    $"azurite blob={env.Azurite.BlobPort} queue={env.Azurite.QueuePort} table={env.Azurite.TablePort}; simulator {env.Simulator.BaseAddress}");
var host = env.BuildHost("batchscale");
await BenchEnvironment.StartAsync(host);
var jobs = host.Services.GetRequiredService<JobStarter>();
var reader = host.Services.GetRequiredService<JobReader>();
var queues = new QueueServiceClient(env.Azurite.ConnectionString);

if (Int("FLOOD", 0) is var flood and > 0)
{
    await FloodAsync(flood, TimeSpan.FromSeconds(Int("FLOOD_SECONDS", 240)));
    await BenchEnvironment.StopAsync(host);
    return;
}

var warm = await RunBatchAsync("batch-warm", 10);
Console.WriteLine($"warm-up: 10 items in {F(warm.TotalSeconds, "0.0")} s");
var smallElapsed = await RunBatchAsync("batch-small", small);
var largeElapsed = await RunBatchAsync("batch-large", large);
await BenchEnvironment.StopAsync(host);

var perItemSmall = smallElapsed.TotalMilliseconds / small;
var perItemLarge = largeElapsed.TotalMilliseconds / large;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"batch-scale per_item_ms_{small}={perItemSmall:0} per_item_ms_{large}={perItemLarge:0} ratio={perItemLarge / perItemSmall:0.00}"));

async Task<TimeSpan> RunBatchAsync(string id, int items)
{
    var request = new BatchRequest([.. Enumerable.Range(0, items).Select(i => new JobRequest(
        JobKind.Image, ProviderName.Cosmic, JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["prompt"] = $"Batch lighthouse {i}" })))]);
    env.EngineStorage.Reset();
    env.AppStorage.Reset();
    env.Events.Reset();
    var finished = env.Events.WhenFinished(id);
    await using (var watch = new ProgressWatch(env.Events, env.EngineStorage, queues, id + ".", TimeSpan.FromSeconds(progressSeconds)))
    await using (var statusPolls = new StatusPoller(reader, JobOwner.PrefixOf(JobOwner.DefaultCaller) + id, statusPollSeconds))
    {
        var started = Stopwatch.GetTimestamp();
        await jobs.StartBatchAsync(request, id);
        watch.Start();
        statusPolls.Start();
        var done = await finished.WaitAsync(batchTimeout);
        var elapsed = Stopwatch.GetElapsedTime(started, done.Timestamp);
        await watch.DisposeAsync();
        await statusPolls.DisposeAsync();
        var engineOps = env.EngineStorage.Total;
        var breakdown = env.EngineStorage.Describe(items, 10);
        BatchState? state;
        using (StorageRequestCounter.Pause())
        {
            state = await reader.GetBatchAsync(JobOwner.PrefixOf(JobOwner.DefaultCaller) + id, JobAccess.Everything);
        }

        if (state is not { Status: JobStatus.Completed } || state.Completed != items)
        {
            throw new InvalidOperationException($"Batch {id} did not complete every item: {state?.Status} {state?.Completed}/{items} completed, {state?.Failed} failed");
        }

        Console.WriteLine($"{id}: {items} items in {F(elapsed.TotalSeconds, "0.0")} s ({F(elapsed.TotalMilliseconds / items, "0")} ms per item); " +
            $"most running at once {env.Events.MaxLive}; {statusPolls.Describe()}");
        Console.WriteLine($"  engine storage requests per item {F(engineOps / (double)items, "0.0")} (mean latency {F(env.EngineStorage.MeanLatencyMs, "0.0")} ms): {breakdown}");
        Console.WriteLine($"  app storage requests per item {F(env.AppStorage.Total / (double)items, "0.0")}: {env.AppStorage.Describe(items, 6)}; " +
            $"cost: {(engineOps + env.AppStorage.Total) * 1000.0 / items:0} storage transactions per 1,000 batch items");
        Console.WriteLine($"  queued messages after the batch: {await watch.QueuedMessagesAsync(CancellationToken.None)}");
        Console.WriteLine($"  backend warnings: {string.Join(", ", env.Events.Counts().Where(c => IsTrouble(c.Key)).Select(c => $"{c.Key}={c.Value}"))}");
        return elapsed;
    }
}

// Diagnosis (DESIGN §1's collapse): FLOOD single image jobs started at once, no batching, watched for a while.
async Task FloodAsync(int count, TimeSpan watchFor)
{
    env.EngineStorage.Reset();
    env.Events.Reset();
    var ids = Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"flood-{i:D5}")).ToList();
    foreach (var id in ids)
    {
        _ = env.Events.WhenFinished(id);
    }

    await using var watch = new ProgressWatch(env.Events, env.EngineStorage, queues, "flood-", TimeSpan.FromSeconds(progressSeconds));
    var started = Stopwatch.GetTimestamp();
    watch.Start();
    await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, ct) => await jobs.StartJobAsync(
        new JobRequest(JobKind.Image, ProviderName.Cosmic, JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["prompt"] = $"Flood {id}" })), id, ct));
    Console.WriteLine($"flood: {count} jobs started in {F(Stopwatch.GetElapsedTime(started).TotalSeconds, "0.0")} s");
    while (Stopwatch.GetElapsedTime(started) < watchFor && env.Events.FinishedCount("flood-") < count)
    {
        await Task.Delay(1000);
    }

    var finished = env.Events.FinishedCount("flood-");
    await watch.DisposeAsync();
    Console.WriteLine($"  engine storage requests per started job {F(env.EngineStorage.Total / (double)count, "0.0")} (mean latency {F(env.EngineStorage.MeanLatencyMs, "0.0")} ms): {env.EngineStorage.Describe(count, 10)}");
    Console.WriteLine($"  backend warnings: {string.Join(", ", env.Events.Counts().Where(c => IsTrouble(c.Key)).Select(c => $"{c.Key}={c.Value}"))}");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"batch-scale flood={count} finished={finished} seconds={Stopwatch.GetElapsedTime(started).TotalSeconds:0}"));
}

static bool IsTrouble(string eventName) => eventName is "AbandoningMessage" or "DuplicateMessageDetected" or "MessageGone" or "DiscardingWorkItem"
    or "SplitBrainDetected" or "PartitionManagerWarning" or "GeneralWarning" or "MessageFailure" or "OrchestrationProcessingFailure" or "PoisonMessageDetected";
