using System.Diagnostics;
using MediaGen.Bench.Common;
using MediaGen.Drives;
using MediaGen.Launcher;
using MediaGen.Testing;
using static MediaGen.Bench.Common.BenchSettings;

namespace MediaGen.Bench.FunctionsOverhead;

/// <summary>
/// One app in one round: started as a fresh process on a free port with a task hub of its own and this phase's keys,
/// warmed up, measured, and killed (with its worker) before the next phase starts, so nothing of it polls the shared
/// Azurite while the other app is measured.
/// </summary>
internal sealed class Phase(string app, int round, string folder)
{
    /// <summary>Runs <paramref name="warmup"/> jobs (not measured), then <paramref name="count"/> measured ones; prints what it saw.</summary>
    public async Task<PhaseResult> RunAsync(
        AzuriteInstance azurite, InstantSimulator simulator, CallbackReceiver callbacks, string callbackKey,
        int warmup, int count, int concurrency, CancellationToken cancellationToken)
    {
        var address = LoopbackPort.FreeAddress();
        var apiKey = StackSecrets.Key();
        var settings = SimulatorFixture.ProviderSettings(simulator.BaseAddress.ToString())
            .ToDictionary(s => s.Key.Replace(":", "__", StringComparison.Ordinal), s => s.Value!, StringComparer.Ordinal);
        settings["AzureWebJobsStorage"] = azurite.ConnectionString;
        settings["Api__Key"] = apiKey;
        settings["Workflows__PublicBaseUrl"] = address.ToString().TrimEnd('/');
        settings["Workflows__WebhookSigningKey"] = StackSecrets.Key();
        settings["Callbacks__SigningKey"] = callbackKey;

        var label = $"round {round} {app}";
        var hubName = $"{char.ToUpperInvariant(app[0])}{app[1..]}Bench{round}";
        await using var host = BenchApps.Create(app, hubName, address, settings, folder);
        using var api = new DriveApi(address, apiKey);
        var startup = Stopwatch.StartNew();
        await host.StartAsync(cancellationToken);
        Console.WriteLine($"{label}: ready at {address} in {F(startup.Elapsed.TotalSeconds, "0.0")} s");
        var warm = await HttpClosedLoop.RunAsync(api, callbacks, $"{label} warm-up", warmup, concurrency, cancellationToken);
        Console.WriteLine($"{label}: warm-up {warm.Jobs} jobs in {F(warm.Elapsed.TotalSeconds, "0.0")} s");
        var pid = host.ProcessId ?? throw new InvalidOperationException($"{app} exited; see {host.CurrentLog}");
        var cpuBefore = ProcessTreeCpu.Of(pid);
        var result = await HttpClosedLoop.RunAsync(api, callbacks, label, count, concurrency, cancellationToken);
        var cpuAfter = ProcessTreeCpu.Of(pid);
        var hostMs = (cpuAfter.Root - cpuBefore.Root).TotalMilliseconds / count;
        var childrenMs = (cpuAfter.Descendants - cpuBefore.Descendants).TotalMilliseconds / count;
        result = result with { CpuMsPerJob = hostMs + childrenMs };
        Console.WriteLine($"{label}: {result.Jobs} jobs in {F(result.Elapsed.TotalSeconds, "0.0")} s ({F(result.PerSecond)} jobs/s); " +
            $"submit -> callback p50={Percentile(result.LatenciesMs, 50):0} ms p95={Percentile(result.LatenciesMs, 95):0} ms; " +
            $"CPU of the app's processes {result.CpuMsPerJob:0} ms per job (the host process {hostMs:0}, its children {childrenMs:0}); " +
            $"5xx answers {api.ServerErrors}, 429 answers {api.RateLimited}; failed work items {FailedWorkItems(host.CurrentLog!)} " +
            "(after each, DTFx's dispatcher waits 10 s after every fetch until 5 work items succeed)");
        return result;
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
}
