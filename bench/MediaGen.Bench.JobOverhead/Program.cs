using System.Diagnostics;
using System.Globalization;
using MediaGen.Bench.JobOverhead;
using MediaGen.Core.Jobs;
using MediaGen.Core.Media;
using MediaGen.Core.Providers;
using MediaGen.Workflows;
using MediaGen.Workflows.Activities;
using Microsoft.DurableTask.Client;
using MediaGen.Durable.Hosting;
using MediaGen.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

// N Pixazo text-to-image jobs through the real workflows on Azurite, CONCURRENCY in flight; the simulator completes each
// request at once and posts its webhook to our gateway, which hands it to JobService. Per job: webhook received at the
// gateway → blob committed (copy activity done) → instance Completed (its state's last update).
var n = Env("N", 500);
var concurrency = Env("CONCURRENCY", 20);
var warmup = Env("WARMUP", 10);

await using var azurite = await AzuriteInstance.StartAsync(inMemory: true);
var simulator = new InstantSimulator();
await simulator.InitializeAsync();
var timings = new JobTimings();
JobService? jobs = null;
await using var gateway = await LoopbackHttpServer.StartAsync(async context =>
{
    var segments = context.Request.Path.Value!.Trim('/').Split('/');
    if (segments is not ["api", "webhooks", "pixazo", var jobId] || jobs is null)
    {
        context.Response.StatusCode = 404;
        return;
    }

    timings.WebhookReceived.TryAdd(jobId, DateTimeOffset.UtcNow);
    using var body = new MemoryStream();
    await context.Request.Body.CopyToAsync(body);
    var result = await jobs.ReceivePixazoWebhookAsync(jobId, context.Request.Query["secret"], body.ToArray());
    context.Response.StatusCode = result == PixazoWebhookResult.Accepted ? 200 : 400;
});
Console.WriteLine($"azurite blob={azurite.BlobPort} queue={azurite.QueuePort}; simulator {simulator.BaseAddress}; gateway {gateway.BaseAddress}; N={n} CONCURRENCY={concurrency}");

var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
builder.Logging.AddConsole().SetMinimumLevel(LogLevel.Warning);
builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
{
    ["AzureWebJobsStorage"] = azurite.ConnectionString,
    ["Pixazo:BaseUrl"] = simulator.BaseAddress.ToString(),
    ["Pixazo:SubscriptionKey"] = SimulatorFixture.ApiKey,
    ["Media:AllowedNetworks"] = "127.0.0.1/32",
    ["Workflows:PublicBaseUrl"] = gateway.BaseAddress.ToString(),
    ["Workflows:WebhookSigningKey"] = "bench-webhook-key",
    // Polls only as a far-off safety net: every job here is finished by its webhook.
    ["Workflows:PollInitialInterval"] = "00:10:00",
    ["Workflows:PollMaxInterval"] = "00:10:00",
    ["Durable:HubName"] = "jobbench",
});
builder.Services.AddMediaGenProviders(builder.Configuration);
builder.Services.AddMediaStore(builder.Configuration);
builder.Services.AddMediaGenWorkflows(builder.Configuration);
builder.Services.AddSingleton(timings);
builder.Services.AddDurableRuntime(b =>
{
    foreach (var type in WorkflowCatalog.Orchestrators)
    {
        b.AddOrchestrator(type);
    }

    foreach (var type in WorkflowCatalog.Activities)
    {
        b.AddActivity(type);
    }

    b.AddActivity(typeof(TimedCopyMediaActivity), nameof(CopyMediaActivity));
});
using var host = builder.Build();
await host.StartAsync();
jobs = host.Services.GetRequiredService<JobService>();
var client = host.Services.GetRequiredService<DurableTaskClient>();

async Task<(double Total, double ToBlob)?> RunJobAsync(int i, CancellationToken cancellationToken)
{
    var request = new JobRequest(JobKind.Image, ProviderName.Pixazo,
        System.Text.Json.JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["prompt"] = $"Benchmark observatory {i}" }),
        IdempotencyKey: $"bench-{i}");
    var started = await jobs.StartJobAsync(request, cancellationToken: cancellationToken);
    var done = await client.WaitForInstanceCompletionAsync(started.Id, true, cancellationToken);
    if (done.ReadOutputAs<MediaGen.Workflows.Payloads.JobOutcome>() is not { Status: JobStatus.Completed })
    {
        throw new InvalidOperationException($"Job {started.Id} did not complete: {done.SerializedOutput}");
    }

    var received = timings.WebhookReceived[started.Id];
    return ((done.LastUpdatedAt - received).TotalMilliseconds, (timings.BlobCommitted[started.Id] - received).TotalMilliseconds);
}

using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(20));
await Parallel.ForAsync(-warmup, 0, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = deadline.Token },
    async (i, ct) => await RunJobAsync(i, ct));
Console.WriteLine($"warm-up: {warmup} jobs");

var totals = new double[n];
var toBlob = new double[n];
var clock = Stopwatch.StartNew();
await Parallel.ForAsync(0, n, new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = deadline.Token }, async (i, ct) =>
{
    var measured = (await RunJobAsync(i, ct))!.Value;
    totals[i] = measured.Total;
    toBlob[i] = measured.ToBlob;
});
var elapsed = clock.Elapsed;
await host.StopAsync();
await simulator.DisposeAsync();

var blobToCompleted = totals.Zip(toBlob, (t, b) => t - b).ToArray();
Console.WriteLine($"{n} jobs in {elapsed.TotalSeconds:0.0} s ({n / elapsed.TotalSeconds:0.0} jobs/s)");
Console.WriteLine($"webhook received -> blob committed:  p50={Percentile(toBlob, 50):0} ms p95={Percentile(toBlob, 95):0} ms");
Console.WriteLine($"blob committed -> Completed:         p50={Percentile(blobToCompleted, 50):0} ms p95={Percentile(blobToCompleted, 95):0} ms");
Console.WriteLine($"job-overhead jobs={n} p50_ms={Percentile(totals, 50):0} p95_ms={Percentile(totals, 95):0}");

static int Env(string name, int fallback) =>
    int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value : fallback;

static double Percentile(double[] values, int percentile)
{
    var sorted = values.Order().ToArray();
    var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Length) - 1;
    return sorted[Math.Clamp(rank, 0, sorted.Length - 1)];
}
