using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using DurableTask.Core.History;
using MediaGen.Bench.Common;
using MediaGen.Bench.EngineOverhead;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Testing;
using MediaGen.Workflows;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MediaGen.Bench.Common.BenchSettings;

// N Cosmic image jobs through the job service and the standalone engine (generate → copy → results queue), against the
// simulator answering at once, vs a bare orchestration of an image job's shape: one no-op activity per step (generate, copy,
// results queue; BARE_ACTIVITIES, default 3), whatever MediaGen schedules for them (its generate activity copies too); same engine
// settings, same run, one task hub and worker for both (each kind idles while the other is measured). Rounds
// alternate ABBA so neither kind profits from going first, and each phase settles (its leftovers run, still counted as
// its own) before the next starts. CONCURRENCY instances in flight.
var n = Int("N", 300);
var concurrency = Int("CONCURRENCY", 50);
var warmup = Int("WARMUP", 20);
var rounds = Int("ROUNDS", 4);
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(Int("TIMEOUT_MINUTES", 15)));

await using var env = await BenchEnvironment.StartAsync();
Console.WriteLine($"engine-overhead: N={n} CONCURRENCY={concurrency} ROUNDS={rounds}; engine settings: {EngineOverrides()}; " +
    $"azurite blob={env.Azurite.BlobPort} queue={env.Azurite.QueuePort} table={env.Azurite.TablePort}; simulator {env.Simulator.BaseAddress}");

// One host, one task hub, one engine for both kinds: the same partitions, leases and queues serve the jobs and the bare
// orchestrations (two hubs on one Azurite disturbed each other: the idle hub's partition-table requests timed out while
// the other ran, and its next phase stalled for a lease interval). Its storage requests are recorded into the counter
// of the phase that runs.
var engineStorage = new StorageRequestCounter();
var jobStorage = new StorageRequestCounter();
var bareStorage = new StorageRequestCounter();
var jobHost = env.BuildHost("overhead", register: e => e.AddOrchestrator(typeof(BareOrchestrator)).AddActivity(typeof(NoOpActivity)), engineStorage: engineStorage);
await BenchEnvironment.StartAsync(jobHost, deadline.Token);
var jobs = jobHost.Services.GetRequiredService<JobStarter>();
var reader = jobHost.Services.GetRequiredService<JobReader>();
var jobClient = jobHost.Services.GetRequiredService<DurableTaskClient>();
var results = jobHost.Services.GetRequiredService<QueueServiceClient>()
    .GetQueueClient(jobHost.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.ResultsQueue);

Task StartJobAsync(string id, CancellationToken ct) => jobs.StartJobAsync(
    new JobRequest(JobKind.Image, ProviderName.Cosmic, JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["prompt"] = $"Benchmark lighthouse {id}" })),
    id, ct);

// Warm up the job hub; a job's history says how many activities MediaGen schedules for the shape's three steps.
var jobWarmup = await ClosedLoop.RunAsync(env.Events, ClosedLoop.Ids("warm-job", warmup), concurrency, StartJobAsync, deadline.Token);
ClosedLoop.Require(jobWarmup, "job warm-up");
IList<HistoryEvent> history;
using (StorageRequestCounter.Pause())
{
    history = await jobClient.GetOrchestrationHistoryAsync(JobOwner.PrefixOf(JobOwner.DefaultCaller) + "warm-job-0000", deadline.Token);
}

var activities = Int("BARE_ACTIVITIES", 3);
Console.WriteLine($"an image job's history: {string.Join(", ", history.GroupBy(e => e.EventType).Select(g => $"{g.Key}={g.Count()}"))}; " +
    $"activities per job: {history.Count(e => e.EventType == EventType.TaskScheduled)}; per bare instance: {activities}");

Task StartBareAsync(string id, CancellationToken ct) =>
    jobClient.ScheduleNewOrchestrationInstanceAsync(nameof(BareOrchestrator), activities, new StartOrchestrationOptions(id), ct);

ClosedLoop.Require(await ClosedLoop.RunAsync(env.Events, ClosedLoop.Ids("warm-bare", warmup), concurrency, StartBareAsync, deadline.Token), "bare warm-up");

// Measured: ABBA rounds, each counter counting only while its own kind runs and settles.
var perRound = Math.Max(1, n / rounds);
var jobElapsed = TimeSpan.Zero;
var bareElapsed = TimeSpan.Zero;
var jobIds = new List<string>();
var bareIds = new List<string>();
await SettleAsync();
jobStorage.Reset();
bareStorage.Reset();
env.AppStorage.Reset();
engineStorage.Enabled = env.AppStorage.Enabled = false;
var eventsJobs = new Dictionary<string, long>(StringComparer.Ordinal);
var roundRates = new List<(double Jobs, double Bare)>();
for (var round = 0; round < rounds; round++)
{
    var order = round % 2 == 0 ? new[] { "bare", "jobs" } : ["jobs", "bare"];
    var rates = new Dictionary<string, double>(StringComparer.Ordinal);
    foreach (var kind in order)
    {
        var ids = ClosedLoop.Ids($"{kind}-r{round}", perRound);
        var isJobs = kind == "jobs";
        env.Events.Reset();
        engineStorage.RecordInto = isJobs ? jobStorage : bareStorage;
        engineStorage.Enabled = true;
        env.AppStorage.Enabled = isJobs;
        var result = await ClosedLoop.RunAsync(env.Events, ids, concurrency, isJobs ? StartJobAsync : StartBareAsync, deadline.Token);
        ClosedLoop.Require(result, kind);
        Console.WriteLine($"round {round} {kind}: {ids.Count} in {F(result.Elapsed.TotalSeconds, "0.0")} s ({F(result.PerSecond, "0.0")}/s); message delays {env.Events.DescribeDelays()}");
        rates[kind] = result.PerSecond;
        await SettleAsync();
        engineStorage.Enabled = env.AppStorage.Enabled = false;
        if (isJobs)
        {
            jobElapsed += result.Elapsed;
            jobIds.AddRange(ids);
            foreach (var (name, count) in env.Events.Counts())
            {
                eventsJobs[name] = eventsJobs.GetValueOrDefault(name) + count;
            }
        }
        else
        {
            bareElapsed += result.Elapsed;
            bareIds.AddRange(ids);
        }
    }

    roundRates.Add((rates["jobs"], rates["bare"]));
}

// Every job must have completed with its image stored (read after the clock stopped, not counted).
using (StorageRequestCounter.Pause())
{
    foreach (var id in jobIds)
    {
        var state = await reader.GetJobAsync(JobOwner.PrefixOf(JobOwner.DefaultCaller) + id, JobAccess.Everything, deadline.Token);
        if (state is not { Status: JobStatus.Completed, Result.Items.Count: 1 })
        {
            throw new InvalidOperationException($"Job {id} did not complete with one stored image: {JsonSerializer.Serialize(state)}");
        }
    }
}

// Each round pairs a jobs phase with a bare phase run next to it; the figures are the medians over rounds, so one phase
// hit by a pause of the machine (another build, Azurite's garbage collector) does not decide the result. The pooled
// figures are printed too.
var jobsPerSecond = Median(roundRates.Select(r => r.Jobs));
var barePerSecond = Median(roundRates.Select(r => r.Bare));
var ratio = Median(roundRates.Select(r => r.Jobs / r.Bare));
Console.WriteLine($"pooled: jobs {F(jobIds.Count / jobElapsed.TotalSeconds, "0.0")}/s, bare {F(bareIds.Count / bareElapsed.TotalSeconds, "0.0")}/s, ratio {F(jobIds.Count / jobElapsed.TotalSeconds / (bareIds.Count / bareElapsed.TotalSeconds), "0.00")}; per-round ratios {string.Join(" ", roundRates.Select(r => F(r.Jobs / r.Bare, "0.00")))}");
var engineOps = jobStorage.Total / (double)jobIds.Count;
var appOps = env.AppStorage.Total / (double)jobIds.Count;
Console.WriteLine($"bare: {bareIds.Count} in {F(bareElapsed.TotalSeconds, "0.0")} s; engine storage requests per instance {F(bareStorage.Total / (double)bareIds.Count, "0.0")} (mean latency {F(bareStorage.MeanLatencyMs, "0.0")} ms): {bareStorage.Describe(bareIds.Count)}");
Console.WriteLine($"jobs: {jobIds.Count} in {F(jobElapsed.TotalSeconds, "0.0")} s; engine storage requests per job {F(engineOps, "0.0")} (mean latency {F(jobStorage.MeanLatencyMs, "0.0")} ms): {jobStorage.Describe(jobIds.Count)}");
Console.WriteLine($"jobs: app storage requests per job {F(appOps, "0.0")}: {env.AppStorage.Describe(jobIds.Count)}");
Console.WriteLine($"jobs: backend events per job: {string.Join(", ", eventsJobs.OrderByDescending(p => p.Value).Take(14).Select(p => $"{p.Key}={F(p.Value / (double)jobIds.Count, "0.0")}"))}");

var bareOps = bareStorage.Total / (double)bareIds.Count;
Console.WriteLine($"cost: {(engineOps + appOps) * 1000:0} storage transactions per 1,000 image jobs (engine {engineOps * 1000:0} + app {appOps * 1000:0}); floor {bareOps * 1000:0} per 1,000 bare instances ({EngineOverrides()})");

await BenchEnvironment.StopAsync(jobHost);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"engine-overhead jobs_per_s={jobsPerSecond:0.0} bare_per_s={barePerSecond:0.0} ratio={ratio:0.00} storage_ops_per_job={engineOps + appOps:0.0} bare_storage_ops={bareOps:0.0} ops_ratio={(engineOps + appOps) / bareOps:0.00}"));

// What a phase leaves behind runs before the next one starts, still counted as its cost (a job leaves no timer behind,
// so a few seconds suffice); the results queue is drained, as its consumer would (not counted).
async Task SettleAsync()
{
    await Task.Delay(TimeSpan.FromSeconds(Int("SETTLE_SECONDS", 5)), deadline.Token);
    using (StorageRequestCounter.Pause())
    {
        await results.ClearMessagesAsync(deadline.Token);
    }
}
