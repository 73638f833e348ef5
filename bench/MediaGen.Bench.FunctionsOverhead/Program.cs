using System.Globalization;
using MediaGen.Bench.Common;
using MediaGen.Launcher;
using MediaGen.Testing;
using static MediaGen.Bench.Common.BenchSettings;

namespace MediaGen.Bench.FunctionsOverhead;

/// <summary>
/// bench/functions-overhead.sh: the same image jobs through the Functions app under the stand-in Functions host and through
/// the standalone host, one app after the other on one Azurite and one provider simulator (answering at once), each app a
/// process of its own with a task hub of its own, stopped before the next starts; ROUNDS rounds in ABBA order. Per app
/// and round: WARMUP jobs (not measured), then N jobs with CONCURRENCY in flight; jobs per second from the first submit to
/// the last Completed, pooled over the rounds. Last line:
/// <c>functions-overhead functions_jobs_per_s=… standalone_jobs_per_s=… ratio=…</c> (ratio = Functions ÷ standalone).
/// (A named class, not top-level statements: the standalone host's public top-level <c>Program</c> is referenced.)
/// </summary>
internal static class Program
{
    private static async Task<int> Main()
    {
        var n = Int("N", 75);
        var rounds = Int("ROUNDS", 2);
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

        using var cancel = new CancellationTokenSource(TimeSpan.FromMinutes(Int("TIMEOUT_MINUTES", 30)));
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var folder = Path.Combine(Path.GetTempPath(), $"mediagen-functions-overhead-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}");
        await using var environment = await BenchEnvironment.StartAsync();
        var (azurite, simulator) = (environment.Azurite, environment.Simulator);
        var callbackKey = StackSecrets.CallbackKey();
        await using var callbacks = await CallbackReceiver.StartAsync(callbackKey, _ => false);
        Console.WriteLine($"functions-overhead: N={n} per app and round, ROUNDS={rounds} (ABBA order from {string.Join(',', order)}), " +
            $"CONCURRENCY={concurrency}, WARMUP={warmup}; azurite blob={azurite.BlobPort} queue={azurite.QueuePort} table={azurite.TablePort}; " +
            $"simulator {simulator.BaseAddress}; logs {folder}");

        var results = BenchApps.Names.ToDictionary(name => name, _ => new List<PhaseResult>(), StringComparer.Ordinal);
        for (var round = 1; round <= rounds; round++)
        {
            // A B, then B A, …: a drift in the machine's load during the run weighs on both apps alike.
            IEnumerable<string> phaseOrder = round % 2 == 1 ? order : Enumerable.Reverse(order);
            foreach (var name in phaseOrder)
            {
                var phase = new Phase(name, round, Path.Combine(folder, $"{round}-{name}"));
                results[name].Add(await phase.RunAsync(azurite, simulator, callbacks, callbackKey, warmup, n, concurrency, cancel.Token));
            }
        }

        if (Environment.GetEnvironmentVariable("KEEP_LOGS") != "1")
        {
            Directory.Delete(folder, recursive: true);
        }

        // Pooled over the rounds: all measured jobs over all measured time.
        double Pooled(string name) => results[name].Sum(r => r.Jobs) / results[name].Sum(r => r.Elapsed.TotalSeconds);
        var functions = Pooled("functions");
        var standalone = Pooled("standalone");
        Console.WriteLine("ratio per round: " + string.Join(", ", Enumerable.Range(0, rounds)
            .Select(i => F(results["functions"][i].PerSecond / results["standalone"][i].PerSecond))) +
            "; CPU of the app's processes per job (ms, mean of the rounds): " + string.Join(", ", BenchApps.Names
            .Select(name => $"{name} {results[name].Average(r => r.CpuMsPerJob ?? double.NaN):0}")));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"functions-overhead functions_jobs_per_s={functions:0.00} standalone_jobs_per_s={standalone:0.00} ratio={functions / standalone:0.00}"));
        return 0;
    }
}
