using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MediaGen.Bench.Common;
using MediaGen.Bench.JobOverhead;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Testing;
using MediaGen.Workflows;
using MediaGen.Workflows.Activities;
using Microsoft.Extensions.DependencyInjection;
using static MediaGen.Bench.Common.BenchSettings;

// N Pixazo text-to-image jobs through the job service and the standalone engine on Azurite, CONCURRENCY in flight; the
// simulator completes each request at once and posts its webhook to our gateway, which hands it to the job service.
// Per job: webhook received at the gateway → blob committed (copy activity done) → Completed (the backend's write of the
// final status to the Instances table, seen in its own events, so waiting costs no storage request).
var n = Int("N", 500);
var concurrency = Int("CONCURRENCY", 20);
var warmup = Int("WARMUP", 20);
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(Int("TIMEOUT_MINUTES", 15)));

await using var env = await BenchEnvironment.StartAsync();
var timings = new JobTimings();
JobStarter? jobs = null;
PixazoWebhookReceiver? webhooks = null;
await using var gateway = await LoopbackHttpServer.StartAsync(async context =>
{
    var segments = context.Request.Path.Value!.Trim('/').Split('/');
    if (segments is not ["api", "webhooks", "pixazo", var jobId] || webhooks is null)
    {
        context.Response.StatusCode = 404;
        return;
    }

    timings.WebhookReceived.TryAdd(jobId, Stopwatch.GetTimestamp());
    using var body = new MemoryStream();
    await context.Request.Body.CopyToAsync(body);
    var result = await webhooks.ReceiveAsync(jobId, context.Request.Query["secret"], body.ToArray());
    context.Response.StatusCode = result == PixazoWebhookResult.Accepted ? 200 : 400;
});
Console.WriteLine($"job-overhead: N={n} CONCURRENCY={concurrency}; engine settings: {EngineOverrides()}; " +
    $"azurite blob={env.Azurite.BlobPort} queue={env.Azurite.QueuePort} table={env.Azurite.TablePort}; simulator {env.Simulator.BaseAddress}; gateway {gateway.BaseAddress}");

var host = env.BuildHost(
    "jobbench",
    new Dictionary<string, string?>
    {
        ["Workflows:PublicBaseUrl"] = gateway.BaseAddress.ToString(),
        ["Workflows:WebhookSigningKey"] = "bench-webhook-key",
        // Polls only as a safety net: every job here is finished by its webhook. Not minutes away either: a timer's
        // message stays queued until it fires, and Azurite scans every queued message on each queue read.
        ["Workflows:PollInitialInterval"] = "00:00:30",
        ["Workflows:PollMaxInterval"] = "00:00:30",
    },
    engine => engine.AddActivity(typeof(TimedCopyMediaActivity), nameof(CopyMediaActivity)),
    services => services.AddSingleton(timings));
await BenchEnvironment.StartAsync(host, deadline.Token);
jobs = host.Services.GetRequiredService<JobStarter>();
webhooks = host.Services.GetRequiredService<PixazoWebhookReceiver>();

Task StartAsync(string id, CancellationToken ct) => jobs.StartJobAsync(
    new JobRequest(JobKind.Image, ProviderName.Pixazo, JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["prompt"] = $"Benchmark observatory {id}" })),
    id, ct);

var warm = await ClosedLoop.RunAsync(env.Events, Ids("warm", warmup), concurrency, StartAsync, deadline.Token);
Console.WriteLine($"warm-up: {warm.Statuses.Count} jobs");

env.Events.Reset();
env.EngineStorage.Reset();
var ids = Ids("job", n);
var result = await ClosedLoop.RunAsync(env.Events, ids, concurrency, StartAsync, deadline.Token);
var engineOps = env.EngineStorage.Total;
var engineLatency = env.EngineStorage.MeanLatencyMs;
var engineBreakdown = env.EngineStorage.Describe(n);
var failed = result.Statuses.Where(s => s.Value != "Completed").Select(s => s.Key).ToList();
if (failed.Count > 0)
{
    throw new InvalidOperationException($"{failed.Count} jobs did not complete, e.g. {failed[0]}: {result.Statuses[failed[0]]}");
}

var toBlob = new List<double>();
var total = new List<double>();
foreach (var id in ids)
{
    var received = timings.WebhookReceived[id];
    toBlob.Add(Stopwatch.GetElapsedTime(received, timings.BlobCommitted[id]).TotalMilliseconds);
    total.Add(Stopwatch.GetElapsedTime(received, (await env.Events.WhenFinished(id)).Timestamp).TotalMilliseconds);
}

// Idle cost of these settings: the engine's storage requests per second with nothing to do, once the jobs' leftover
// timers (the 30 s poll safety net) have fired.
await Task.Delay(TimeSpan.FromSeconds(Int("SETTLE_SECONDS", 40)), deadline.Token);
env.EngineStorage.Reset();
var idle = Stopwatch.StartNew();
await Task.Delay(TimeSpan.FromSeconds(Int("IDLE_SECONDS", 15)), deadline.Token);
var idlePerSecond = env.EngineStorage.Total / idle.Elapsed.TotalSeconds;
await BenchEnvironment.StopAsync(host);

var polls = (await env.Simulator.GetRequestsAsync()).Polls.Values.Sum();
var blobToCompleted = total.Zip(toBlob, (t, b) => t - b).ToList();
Console.WriteLine($"{n} jobs in {F(result.Elapsed.TotalSeconds, "0.0")} s ({F(result.PerSecond, "0.0")} jobs/s); engine storage requests per job {F(engineOps / (double)n, "0.0")} (mean latency {F(engineLatency, "0.0")} ms): {engineBreakdown}");
Console.WriteLine($"message delays: {string.Join(", ", env.Events.MessageAges().GroupBy(a => a.EventType).Select(g => $"{g.Key} p50={Percentile(g.Select(a => (double)a.AgeMs), 50):0} p95={Percentile(g.Select(a => (double)a.AgeMs), 95):0} ms"))}");
Console.WriteLine($"webhook received -> blob committed:  p50={Percentile(toBlob, 50):0} ms p95={Percentile(toBlob, 95):0} ms");
Console.WriteLine($"blob committed -> Completed:         p50={Percentile(blobToCompleted, 50):0} ms p95={Percentile(blobToCompleted, 95):0} ms");
Console.WriteLine($"status polls (the safety net; webhooks should finish every job): {polls}");
Console.WriteLine($"idle: {F(idlePerSecond, "0.0")} engine storage requests/s ({F(idlePerSecond * 86400 * 30 / 1e6, "0.0")} million a month per process)");
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"job-overhead jobs={n} p50_ms={Percentile(total, 50):0} p95_ms={Percentile(total, 95):0}"));

static List<string> Ids(string prefix, int count) =>
    [.. Enumerable.Range(0, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{i:D4}"))];
