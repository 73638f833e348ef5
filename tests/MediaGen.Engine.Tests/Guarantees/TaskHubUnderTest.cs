using System.Text.Json;
using MediaGen.Engine.TestWorker;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;

namespace MediaGen.Engine.Tests.Guarantees;

/// <summary>
/// A fresh task hub on Azurite for one test: created up front (so instances can be started and events raised before any
/// worker runs), the engine's own client on it, the worker processes that serve it, and the folder their activities
/// record executions in. Disposing kills the workers and deletes the folder.
/// </summary>
internal sealed class TaskHubUnderTest : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly List<WorkerProcess> _workers = [];

    private TaskHubUnderTest(string connectionString, string hubName, string records, ServiceProvider services)
    {
        ConnectionString = connectionString;
        HubName = hubName;
        Records = records;
        _services = services;
    }

    public string ConnectionString { get; }

    public string HubName { get; }

    /// <summary>The folder the workers' activities record their executions in.</summary>
    public string Records { get; }

    /// <summary>The engine's client on this hub.</summary>
    public DurableTaskClient Client => _services.GetRequiredService<DurableTaskClient>();

    /// <summary>The worker settings every test shares (<see cref="TestWorkerHost.Defaults"/>), as the client also needs them.</summary>
    public static string Setting(string key) => TestWorkerHost.Defaults[key]!;

    /// <summary>Creates the hub <c>{prefix}{random}</c> on <paramref name="connectionString"/>.</summary>
    public static async Task<TaskHubUnderTest> CreateAsync(string connectionString, string prefix)
    {
        var hubName = prefix + Guid.NewGuid().ToString("N")[..10];
        var records = Path.Combine(Path.GetTempPath(), "mediagen-records-" + hubName);
        Directory.CreateDirectory(records);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(TestWorkerHost.Defaults)
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                [DurableEngineOptions.ConnectionStringKey] = connectionString,
                ["DurableTask:HubName"] = hubName,
            })
            .Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<DataConverter>(new JsonDataConverter(new JsonSerializerOptions(JsonSerializerDefaults.Web)))
            .AddDurableEngineClient(configuration)
            .BuildServiceProvider();
        await services.GetRequiredService<AzureStorageOrchestrationService>().CreateIfNotExistsAsync();
        return new TaskHubUnderTest(connectionString, hubName, records, services);
    }

    /// <summary>A worker process (not yet started) on this hub under <paramref name="workerId"/>, with extra settings.</summary>
    public WorkerProcess Worker(string workerId, IReadOnlyDictionary<string, string?>? settings = null, bool restartWhenItDies = false)
    {
        var environment = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            [DurableEngineOptions.ConnectionStringKey] = ConnectionString,
            ["DurableTask:HubName"] = HubName,
            [TestWorkerHost.RecordsKey] = Records,
        };
        var worker = new WorkerProcess(workerId, environment) { RestartWhenItDies = restartWhenItDies };
        _workers.Add(worker);
        return worker;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> instances whose id starts with <paramref name="prefix"/> have finished and
    /// returns them (with inputs and outputs) by id: one query a second, not a poll per instance, so the wait itself does
    /// not load the storage emulator the workers depend on. It waits as long as instances keep finishing (a loaded machine
    /// is slower, not wrong) and gives up when none has finished for <see cref="Waits.Stall"/>, or at
    /// <paramref name="cancellation"/>.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, OrchestrationMetadata>> WaitForFinishedAsync(string prefix, int count, CancellationToken cancellation)
    {
        var query = new OrchestrationQuery { InstanceIdPrefix = prefix, FetchInputsAndOutputs = true, PageSize = 500 };
        var statuses = "";
        var unfinished = new List<string>();
        try
        {
            return await Waits.ForProgressAsync<IReadOnlyDictionary<string, OrchestrationMetadata>>(
                async token =>
                {
                    var all = new List<OrchestrationMetadata>();
                    await foreach (var instance in Client.GetAllInstancesAsync(query).WithCancellation(token))
                    {
                        all.Add(instance);
                    }

                    statuses = string.Join(", ", all.GroupBy(i => i.RuntimeStatus).Select(g => $"{g.Key}: {g.Count()}"));
                    unfinished = [.. all.Where(i => !i.IsCompleted).Select(i => i.InstanceId)];
                    return all.Where(i => i.IsCompleted).ToDictionary(i => i.InstanceId, StringComparer.Ordinal);
                },
                finished => finished.Count >= count,
                finished => finished.Count,
                $"{count} {prefix}* instances to finish",
                pollInterval: TimeSpan.FromSeconds(1),
                cancellationToken: cancellation);
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            // Each unfinished instance's history (event types), to tell a slow machine from a stuck instance.
            var histories = new List<string>();
            foreach (var id in unfinished.Take(20))
            {
                using var read = new CancellationTokenSource(TimeSpan.FromSeconds(30));
                var events = await Client.GetOrchestrationHistoryAsync(id, read.Token);
                histories.Add($"{id}: {string.Join(",", events.Select(h => h.EventType))}");
            }

            throw new TimeoutException(
                $"{prefix}* instances did not all finish ({statuses}; {Executions().Count} activity executions recorded):\n" +
                $"{string.Join("\n", histories)}\n{WorkerOutput}", e);
        }
    }

    /// <summary>Every activity execution the workers recorded so far.</summary>
    public IReadOnlyList<Execution> Executions() => ExecutionLog.Read(Records);

    /// <summary>The history of the instance's latest execution.</summary>
    public async Task<IList<HistoryEvent>> HistoryAsync(string instanceId, CancellationToken cancellation = default) =>
        await Client.GetOrchestrationHistoryAsync(instanceId, cancellation);

    /// <summary>Output of every worker, for failure messages.</summary>
    public string WorkerOutput => string.Join("\n", _workers.Select(w => $"--- {w.WorkerId} ---\n{w.Output}"));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        await _services.DisposeAsync();
        try
        {
            Directory.Delete(Records, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a temp folder left behind is harmless.
        }
    }
}
