using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using MediaGen.Bench.Common;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Testing;
using MediaGen.Workflows;
using MediaGen.Workflows.Overview;
using Microsoft.Extensions.DependencyInjection;
using static MediaGen.Bench.Common.BenchSettings;

// N finished jobs (default 10,000) through the job service and the standalone engine on Azurite, made in STEPS steps
// (default 4) with CONCURRENCY (default 40) in flight; the simulator answers at once. The mix: mostly Cosmic text, every
// FAIL_EVERY-th (default 20) a text job the simulator refuses (a failed job), every IMAGE_EVERY-th (default 25) a Cosmic
// image. After each step the engine is idle and the overview of the last day (what GET /api/overview?window=day reads and
// computes, as an operator: every caller's jobs) is read REPEAT times (default 5) through a second, never-started engine
// client on the same task hub whose storage requests alone are counted; its JSON is serialized as the route does.
var total = Int("N", 10_000);
var steps = Int("STEPS", 4);
var concurrency = Int("CONCURRENCY", 40);
var repeat = Int("REPEAT", 5);
var failEvery = Int("FAIL_EVERY", 20);
var imageEvery = Int("IMAGE_EVERY", 25);
using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(Int("TIMEOUT_MINUTES", 60)));

await using var env = await BenchEnvironment.StartAsync();
Console.WriteLine($"overview: N={total} STEPS={steps} CONCURRENCY={concurrency} REPEAT={repeat}; engine settings: {EngineOverrides()}; " +
    $"azurite blob={env.Azurite.BlobPort} queue={env.Azurite.QueuePort} table={env.Azurite.TablePort}; simulator {env.Simulator.BaseAddress}");
env.AppStorage.Enabled = false;
var host = env.BuildHost("overviewbench");
await BenchEnvironment.StartAsync(host, deadline.Token);
var jobs = host.Services.GetRequiredService<JobStarter>();

// The reader: the same services on the same hub, never started (no worker, no polling), counted apart.
var readerStorage = new StorageRequestCounter();
using var readerHost = env.BuildHost("overviewbench", engineStorage: readerStorage);
var reader = readerHost.Services.GetRequiredService<JobOverviewReader>();
var json = new JsonSerializerOptions(JobJson.Options);

Task StartJobAsync(string id, CancellationToken ct)
{
    var n = int.Parse(id[(id.LastIndexOf('-') + 1)..], CultureInfo.InvariantCulture);
    var (kind, prompt) = n % failEvery == failEvery - 1 ? (JobKind.Text, $"Overview bench {id} [sim:400]")
        : n % imageEvery == imageEvery - 1 ? (JobKind.Image, $"Overview bench {id}")
        : (JobKind.Text, $"Overview bench {id}");
    return jobs.StartJobAsync(new JobRequest(kind, ProviderName.Cosmic, JsonSerializer.SerializeToElement(new Dictionary<string, object> { ["prompt"] = prompt })), id, ct);
}

var made = 0;
var rows = new List<string>();
for (var step = 1; step <= steps; step++)
{
    var count = (total * step / steps) - made;
    var ids = Enumerable.Range(made, count).Select(i => string.Create(CultureInfo.InvariantCulture, $"ov-{i:D5}")).ToList();
    var run = await ClosedLoop.RunAsync(env.Events, ids, concurrency, StartJobAsync, deadline.Token);
    ClosedLoop.Require(run, $"step {step}");
    made += count;
    Console.WriteLine($"step {step}: {count} jobs in {F(run.Elapsed.TotalSeconds, "0.0")} s ({F(run.PerSecond, "0.0")}/s); {made} in the store");

    var times = new List<double>();
    var requests = new List<long>();
    JobOverview? overview = null;
    var size = 0;
    for (var i = 0; i <= repeat; i++)
    {
        var window = OverviewWindow.Named("day", DateTimeOffset.UtcNow)!;
        readerStorage.Reset();
        var watch = Stopwatch.StartNew();
        overview = await reader.ReadAsync(window, JobAccess.Everything, deadline.Token);
        size = JsonSerializer.SerializeToUtf8Bytes(overview, json).Length;
        watch.Stop();
        if (i > 0)
        {
            // The first read warms the process up (JIT, connections); it is not counted.
            times.Add(watch.Elapsed.TotalMilliseconds);
            requests.Add(readerStorage.Total);
        }
    }

    var counted = overview!.Intervals.Sum(x => x.Completed + x.Failed + x.Canceled + x.Running + x.Pending);
    if (counted != made)
    {
        throw new InvalidOperationException($"The overview counted {counted} jobs; {made} were made.");
    }

    Console.WriteLine($"  overview of {made} jobs: median {F(Median(times), "0")} ms, max {F(times.Max(), "0")} ms; storage requests {requests.Max()} " +
        $"({readerStorage.Describe(1)}); read {overview.Read.Instances} instances in {overview.Read.Pages} pages; {size} bytes of JSON; " +
        $"completed {overview.Intervals.Sum(x => x.Completed)}, failed {overview.Intervals.Sum(x => x.Failed)}; " +
        $"p50/p95 {string.Join(", ", overview.Durations.Select(d => $"{WireNames.Of(d.Provider)} {WireNames.Of(d.Kind)} {F(d.P50Seconds, "0.000")}/{F(d.P95Seconds, "0.000")} s"))}");
    rows.Add(string.Create(CultureInfo.InvariantCulture, $"{made}:{Median(times):0}ms/{requests.Max()}req"));
}

await BenchEnvironment.StopAsync(host);
Console.WriteLine($"overview jobs={made} scaling={string.Join(',', rows)}");
