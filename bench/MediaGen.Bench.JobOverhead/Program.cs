using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Azure.Storage.Queues;
using MediaGen.Bench.Common;
using MediaGen.Bench.JobOverhead;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Testing;
using MediaGen.Workflows;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using static MediaGen.Bench.Common.BenchSettings;

// Pixazo text-to-image jobs through the job service and the standalone engine on Azurite, against the floor: a bare
// orchestration of the same minimal shape (no-op submit → WhenAny(event, timer) → no-op copy → no-op publish) on the same
// host, task hub and engine settings. ABBA rounds at CONCURRENCY (default 20) and at 1 in flight. The simulator completes
// each request at once and posts its webhook to our gateway, which hands it to the webhook receiver; the bare submit has its
// event raised at once. Per instance: webhook (event) raised → Completed (the backend's write of the final status to the
// Instances table, seen in its own events, so waiting costs no storage request). Storage requests are counted by an Azure
// SDK pipeline policy on every client of the engine (backend and client) and of the app, per phase, including what the
// phase leaves behind (the 30 s safety-net timers fire while it settles; the idle polling of that wait is subtracted).
var perKind = Int("N", 400);
var perKindC1 = Int("N_C1", 80);
var concurrency = Int("CONCURRENCY", 20);
var rounds = Int("ROUNDS", 4);
var warmup = Int("WARMUP", 20);
var settleSeconds = Int("SETTLE_SECONDS", 35);
var idleSeconds = Int("IDLE_SECONDS", 30);
var safetyNet = TimeSpan.FromSeconds(30);
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(Int("TIMEOUT_MINUTES", 30)));

await using var env = await BenchEnvironment.StartAsync();
var timings = new JobTimings();
PixazoWebhookReceiver? webhooks = null;
await using var gateway = await LoopbackHttpServer.StartAsync(async context =>
{
    var segments = context.Request.Path.Value!.Trim('/').Split('/');
    if (segments is not ["api", "webhooks", "pixazo", var jobId] || webhooks is null)
    {
        context.Response.StatusCode = 404;
        return;
    }

    timings.WebhookReceived.TryAdd(JobOwner.LocalPart(jobId), Stopwatch.GetTimestamp());
    using var body = new MemoryStream();
    await context.Request.Body.CopyToAsync(body);
    var result = await webhooks.ReceiveAsync(jobId, context.Request.Query["secret"], body.ToArray());
    context.Response.StatusCode = result == PixazoWebhookResult.Accepted ? 200 : 400;
});
Console.WriteLine($"job-overhead: N={perKind} N_C1={perKindC1} CONCURRENCY={concurrency} ROUNDS={rounds}; engine settings: {EngineOverrides()}; " +
    $"azurite blob={env.Azurite.BlobPort} queue={env.Azurite.QueuePort} table={env.Azurite.TablePort}; simulator {env.Simulator.BaseAddress}; gateway {gateway.BaseAddress}");

// One host, one task hub, one engine for both kinds; its requests are recorded into the counter of the phase that runs.
var engineStorage = new StorageRequestCounter { Enabled = false };
env.AppStorage.Enabled = false;
var host = env.BuildHost(
    "jobbench",
    new Dictionary<string, string?>
    {
        ["Workflows:PublicBaseUrl"] = gateway.BaseAddress.ToString(),
        ["Workflows:WebhookSigningKey"] = "bench-webhook-key",
        // Polls only as a safety net: every job here is finished by its webhook. The bare shape waits as long.
        ["Workflows:PollInitialInterval"] = safetyNet.ToString("c", CultureInfo.InvariantCulture),
        ["Workflows:PollMaxInterval"] = safetyNet.ToString("c", CultureInfo.InvariantCulture),
    },
    engine => engine
        .AddOrchestrator(typeof(BareShapeOrchestrator))
        .AddActivity(typeof(BareSubmitActivity))
        .AddActivity(typeof(BareStepActivity)),
    services => services.AddSingleton(timings),
    engineStorage);
await BenchEnvironment.StartAsync(host, deadline.Token);
var jobs = host.Services.GetRequiredService<JobStarter>();
var client = host.Services.GetRequiredService<DurableTaskClient>();
webhooks = host.Services.GetRequiredService<PixazoWebhookReceiver>();
var results = host.Services.GetRequiredService<QueueServiceClient>()
    .GetQueueClient(host.Services.GetRequiredService<IOptions<WorkflowOptions>>().Value.ResultsQueue);

Task StartJobAsync(string id, CancellationToken ct) => jobs.StartJobAsync(
    new JobRequest(JobKind.Image, ProviderName.Pixazo, JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["prompt"] = $"Benchmark observatory {id}" })),
    id, ct);

Task StartBareAsync(string id, CancellationToken ct) =>
    client.ScheduleNewOrchestrationInstanceAsync(nameof(BareShapeOrchestrator), safetyNet, new StartOrchestrationOptions(id), ct);

// Idle cost of these settings: the engine's requests per second with nothing to do (after the warm-up's timers fired).
var idleCounter = new StorageRequestCounter();
async Task<double> MeasureIdleAsync()
{
    engineStorage.RecordInto = idleCounter;
    engineStorage.Enabled = true;
    var idle = Stopwatch.StartNew();
    await Task.Delay(TimeSpan.FromSeconds(idleSeconds), deadline.Token);
    engineStorage.Enabled = false;
    return idleCounter.Total / idle.Elapsed.TotalSeconds;
}

if (Environment.GetEnvironmentVariable("IDLE_ONLY") == "1")
{
    await Task.Delay(TimeSpan.FromSeconds(10), deadline.Token);
    var idleOnly = await MeasureIdleAsync();
    await BenchEnvironment.StopAsync(host);
    Console.WriteLine($"idle: {idleCounter.Describe(idleSeconds)} (per second)");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"job-overhead idle_per_s={idleOnly:0.00} idle_million_per_month={idleOnly * 86400 * 30 / 1e6:0.00} settings={EngineOverrides()}"));
    return;
}

ClosedLoop.Require(await ClosedLoop.RunAsync(env.Events, ClosedLoop.Ids("warm-jobs", warmup), concurrency, StartJobAsync, deadline.Token), "job warm-up");
ClosedLoop.Require(await ClosedLoop.RunAsync(env.Events, ClosedLoop.Ids("warm-bare", warmup), concurrency, StartBareAsync, deadline.Token), "bare warm-up");
await SettleAsync();
var idlePerSecond = await MeasureIdleAsync();
Console.WriteLine($"idle: {F(idlePerSecond, "0.0")} engine storage requests/s: {idleCounter.Describe(idleSeconds)} (per second)");

var kinds = new Dictionary<string, (StorageRequestCounter Engine, StorageRequestCounter App)>(StringComparer.Ordinal)
{
    ["jobs"] = (new StorageRequestCounter(), new StorageRequestCounter()),
    ["bare"] = (new StorageRequestCounter(), new StorageRequestCounter()),
};
var counted = new Dictionary<string, int>(StringComparer.Ordinal) { ["jobs"] = 0, ["bare"] = 0 };

// One phase: one kind at one concurrency. Counted phases settle afterwards (their timers fire, counted as theirs).
async Task<PhaseResult> RunPhaseAsync(string kind, int inFlight, int round, int count, bool counting)
{
    var ids = ClosedLoop.Ids($"{kind}-c{inFlight}-r{round}", count);
    var (engine, app) = kinds[kind];
    var engineBefore = engine.Total;
    var appBefore = app.Total;
    engineStorage.RecordInto = engine;
    env.AppStorage.RecordInto = app;
    engineStorage.Enabled = env.AppStorage.Enabled = counting;
    env.Events.Reset();
    var isJobs = kind == "jobs";
    var result = await ClosedLoop.RunAsync(env.Events, ids, inFlight, isJobs ? StartJobAsync : StartBareAsync, deadline.Token);
    ClosedLoop.Require(result, $"{kind} c={inFlight} round {round}");
    var latencies = new List<double>();
    foreach (var id in ids)
    {
        latencies.Add(Stopwatch.GetElapsedTime(timings.WebhookReceived[id], (await env.Events.WhenFinished(id)).Timestamp).TotalMilliseconds);
    }

    double? engineOps = null, appOps = null;
    if (counting)
    {
        var settle = Stopwatch.StartNew();
        await SettleAsync();
        engineStorage.Enabled = env.AppStorage.Enabled = false;
        engineOps = (engine.Total - engineBefore - (idlePerSecond * settle.Elapsed.TotalSeconds)) / count;
        appOps = (app.Total - appBefore) / (double)count;
        counted[kind] += count;
    }

    if (isJobs)
    {
        // Every job completed with its image stored (read after the phase, not counted).
        using (StorageRequestCounter.Pause())
        {
            foreach (var id in ids)
            {
                var outcome = (await client.GetInstanceAsync(JobOwner.PrefixOf(JobOwner.DefaultCaller) + id, true, deadline.Token))?.ReadOutputAs<JobOutcome>();
                if (outcome is not { Status: JobStatus.Completed, Result.Items.Count: 1 })
                {
                    throw new InvalidOperationException($"Job {id} did not complete with one stored image: {JsonSerializer.Serialize(outcome)}");
                }
            }
        }
    }

    var phase = new PhaseResult(kind, count, Percentile(latencies, 50), Percentile(latencies, 95), engineOps, appOps);
    Console.WriteLine($"round {round} c={inFlight} {kind}: {count} in {F(result.Elapsed.TotalSeconds, "0.0")} s ({F(result.PerSecond, "0.0")}/s); " +
        $"event → Completed p50={phase.P50Ms:0} p95={phase.P95Ms:0} ms; storage requests per instance " +
        (phase.Ops is { } ops ? $"{F(ops, "0.0")} (engine {F(engineOps!.Value, "0.0")} + app {F(appOps!.Value, "0.0")})" : "not counted") +
        $"; message delays {env.Events.DescribeDelays()}");
    return phase;
}

// ABBA rounds: at CONCURRENCY, counted; then at 1 in flight (latency only: a phase of a few seconds would be swamped by
// the settle's own polling).
var loaded = new List<(PhaseResult Jobs, PhaseResult Bare)>();
var single = new List<(PhaseResult Jobs, PhaseResult Bare)>();
foreach (var (inFlight, total, into, isCounted) in new[] { (concurrency, perKind, loaded, true), (1, perKindC1, single, false) })
{
    var perRound = Math.Max(1, total / rounds);
    for (var round = 0; round < rounds; round++)
    {
        var order = round % 2 == 0 ? new[] { "bare", "jobs" } : ["jobs", "bare"];
        var phases = new Dictionary<string, PhaseResult>(StringComparer.Ordinal);
        foreach (var kind in order)
        {
            phases[kind] = await RunPhaseAsync(kind, inFlight, round, perRound, isCounted);
        }

        into.Add((phases["jobs"], phases["bare"]));
    }
}

await BenchEnvironment.StopAsync(host);
var polls = (await env.Simulator.GetRequestsAsync()).Polls.Values.Sum();
Console.WriteLine($"status polls (webhook confirmations; the safety net never fired if this equals the jobs): {polls}");

var jobEngine = kinds["jobs"].Engine;
var bareEngine = kinds["bare"].Engine;
Console.WriteLine($"jobs: engine requests per job (counted phases, incl. settling): {jobEngine.Describe(counted["jobs"], 20)}");
Console.WriteLine($"jobs: app requests per job: {kinds["jobs"].App.Describe(counted["jobs"])}");
Console.WriteLine($"bare: engine requests per instance (counted phases, incl. settling): {bareEngine.Describe(counted["bare"], 20)}");
Console.WriteLine($"per-round ratios c={concurrency}: {string.Join(' ', loaded.Select(r => F(r.Jobs.P50Ms / r.Bare.P50Ms)))}; c=1: {string.Join(' ', single.Select(r => F(r.Jobs.P50Ms / r.Bare.P50Ms)))}");

var p50 = Median(loaded.Select(r => r.Jobs.P50Ms));
var p95 = Median(loaded.Select(r => r.Jobs.P95Ms));
var floorP50 = Median(loaded.Select(r => r.Bare.P50Ms));
var floorP95 = Median(loaded.Select(r => r.Bare.P95Ms));
var ratio = Median(loaded.Select(r => r.Jobs.P50Ms / r.Bare.P50Ms));
var ratioC1 = Median(single.Select(r => r.Jobs.P50Ms / r.Bare.P50Ms));
var jobOps = Median(loaded.Select(r => r.Jobs.Ops!.Value));
var floorOps = Median(loaded.Select(r => r.Bare.Ops!.Value));
Console.WriteLine($"c=1: jobs p50 {Median(single.Select(r => r.Jobs.P50Ms)):0} ms p95 {Median(single.Select(r => r.Jobs.P95Ms)):0} ms; bare p50 {Median(single.Select(r => r.Bare.P50Ms)):0} ms p95 {Median(single.Select(r => r.Bare.P95Ms)):0} ms");
Console.WriteLine($"cost: {jobOps * 1000:0} storage transactions per 1,000 Pixazo jobs (engine {Median(loaded.Select(r => r.Jobs.EngineOps!.Value)) * 1000:0} + app {Median(loaded.Select(r => r.Jobs.AppOps!.Value)) * 1000:0}); " +
    $"floor {floorOps * 1000:0} per 1,000 bare instances; idle {F(idlePerSecond, "0.0")}/s = {F(idlePerSecond * 86400 * 30 / 1e6, "0.0")} million a month per process ({EngineOverrides()})");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"job-overhead jobs={loaded.Sum(r => r.Jobs.Instances)} p50_ms={p50:0} p95_ms={p95:0} floor_p50_ms={floorP50:0} floor_p95_ms={floorP95:0} ratio_p50={ratio:0.00} ratio_p50_c1={ratioC1:0.00} storage_ops_per_job={jobOps:0.0} floor_storage_ops={floorOps:0.0}"));

// What a phase leaves behind (its safety-net timers) runs before the next one starts; the results queue is drained, as
// its consumer would (not counted).
async Task SettleAsync()
{
    await Task.Delay(TimeSpan.FromSeconds(settleSeconds), deadline.Token);
    using (StorageRequestCounter.Pause())
    {
        await results.ClearMessagesAsync(deadline.Token);
    }
}
