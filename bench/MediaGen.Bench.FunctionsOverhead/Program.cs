using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using MediaGen.Bench.Common;
using MediaGen.Bench.Drives;
using MediaGen.Testing;
using static MediaGen.Bench.Common.BenchSettings;

namespace MediaGen.Bench.FunctionsOverhead;

/// <summary>
/// bench/functions-overhead.sh: the same image jobs through the Functions app under the stand-in Functions host and through
/// the standalone host, one app after the other on one Azurite and one provider simulator (answering at once), each app a
/// process of its own with its own task hub, stopped before the next starts. Per app: WARMUP jobs (not measured), then N
/// jobs with CONCURRENCY in flight; jobs per second from the first submit to the last Completed. Last line:
/// <c>functions-overhead functions_jobs_per_s=… standalone_jobs_per_s=… ratio=…</c> (ratio = Functions ÷ standalone).
/// (A named class, not top-level statements: the standalone host's public top-level <c>Program</c> is referenced.)
/// </summary>
internal static class Program
{
    private static async Task<int> Main()
    {
        var n = Int("N", 150);
        var concurrency = Int("CONCURRENCY", 10);
        var warmup = Int("WARMUP", 20);
        var order = Environment.GetEnvironmentVariable("ORDER") is { Length: > 0 } given
            ? given.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            : [.. BenchApps.Names];
        if (order.Length != BenchApps.Names.Count || BenchApps.Names.Any(name => !order.Contains(name)))
        {
            await Console.Error.WriteLineAsync($"functions-overhead: ORDER must name {string.Join(" and ", BenchApps.Names)} once each, e.g. standalone,functions");
            return 2;
        }

        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(Int("TIMEOUT_MINUTES", 20)));
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var folder = Path.Combine(Path.GetTempPath(), $"mediagen-functions-overhead-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        await using var azurite = await AzuriteInstance.StartAsync(inMemory: Environment.GetEnvironmentVariable("AZURITE_DISK") != "1", cancel.Token);
        await using var simulator = new InstantSimulator();
        await simulator.InitializeAsync();
        var callbackKey = "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var callbacks = await CallbackReceiver.StartAsync(callbackKey, _ => false);
        Console.WriteLine($"functions-overhead: N={n} CONCURRENCY={concurrency} WARMUP={warmup} ORDER={string.Join(',', order)}; " +
            $"azurite blob={azurite.BlobPort} queue={azurite.QueuePort} table={azurite.TablePort}; simulator {simulator.BaseAddress}; logs {folder}");

        var results = new Dictionary<string, PhaseResult>(StringComparer.Ordinal);
        foreach (var name in order)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}/");
            var apiKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('+', '-').Replace('/', '_');
            var settings = SimulatorFixture.ProviderSettings(simulator.BaseAddress.ToString())
                .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!, StringComparer.Ordinal);
            settings["AzureWebJobsStorage"] = azurite.ConnectionString;
            settings["Api__Key"] = apiKey;
            settings["Workflows__PublicBaseUrl"] = address.ToString().TrimEnd('/');
            settings["Workflows__WebhookSigningKey"] = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            settings["Callbacks__SigningKey"] = callbackKey;

            // Disposed (the process tree killed) before the next app starts: nothing of it polls Azurite while the other runs.
            using var app = BenchApps.Create(name, address, settings, Path.Combine(folder, name));
            using var api = new DriveApi(address, apiKey);
            var startup = Stopwatch.StartNew();
            await app.StartAsync(cancel.Token);
            Console.WriteLine($"{name}: ready at {address} in {F(startup.Elapsed.TotalSeconds, "0.0")} s");
            var warm = await HttpClosedLoop.RunAsync(api, callbacks, $"{name} warm-up", warmup, concurrency, cancel.Token);
            Console.WriteLine($"{name}: warm-up {warm.Jobs} jobs in {F(warm.Elapsed.TotalSeconds, "0.0")} s");
            var result = await HttpClosedLoop.RunAsync(api, callbacks, name, n, concurrency, cancel.Token);
            results[name] = result;
            Console.WriteLine($"{name}: {result.Jobs} jobs in {F(result.Elapsed.TotalSeconds, "0.0")} s ({F(result.PerSecond)} jobs/s); " +
                $"submit -> callback p50={Percentile(result.LatenciesMs, 50):0} ms p95={Percentile(result.LatenciesMs, 95):0} ms; " +
                $"5xx answers {api.ServerErrors}, 429 answers {api.RateLimited}; failed work items {FailedWorkItems(app.CurrentLog)} " +
                "(after each, DTFx's dispatcher waits 10 s after every fetch until 5 work items succeed)");
        }

        if (Environment.GetEnvironmentVariable("KEEP_LOGS") != "1")
        {
            Directory.Delete(folder, recursive: true);
        }

        var functions = results["functions"].PerSecond;
        var standalone = results["standalone"].PerSecond;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"functions-overhead functions_jobs_per_s={functions:0.00} standalone_jobs_per_s={standalone:0.00} ratio={functions / standalone:0.00}"));
        return 0;
    }

    /// <summary>Work items the engine's dispatchers failed (DurableTask.Core's "Unhandled exception with work item"), in the app's log.</summary>
    private static int FailedWorkItems(string log)
    {
        using var reader = new StreamReader(new FileStream(log, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete));
        var count = 0;
        while (reader.ReadLine() is { } line)
        {
            count += line.Contains("Unhandled exception with work item", StringComparison.Ordinal) ? 1 : 0;
        }

        return count;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
