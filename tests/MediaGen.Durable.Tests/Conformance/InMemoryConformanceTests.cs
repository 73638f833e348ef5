using MediaGen.Durable.Client;
using MediaGen.Durable.Hosting;
using MediaGen.Durable.Storage.InMemory;
using MediaGen.Durable.Tests.Support;

namespace MediaGen.Durable.Tests.Conformance;

/// <summary>The conformance suite on the in-memory backend: durable time moves only when the runtime is idle.</summary>
public sealed class InMemoryConformanceTests : DurableConformanceTests
{
    private readonly ManualTimeProvider _clock = new();
    private readonly InMemoryDurableStorage _storage;

    public InMemoryConformanceTests() => _storage = new InMemoryDurableStorage(_clock);

    protected override TimeSpan TimerDelay => TimeSpan.FromHours(1);

    protected override DateTimeOffset UtcNow => _clock.GetUtcNow();

    private protected override Task<DurableTestHost> StartHostAsync(Action<DurableRuntimeBuilder>? register, Action<DurableRuntimeOptions>? configure) =>
        DurableTestHost.StartAsync(_storage, _clock, o =>
        {
            o.Backend = DurableBackend.InMemory;
            o.PartitionCount = 2;
            o.LeaseDuration = TimeSpan.FromSeconds(15);
            o.LeaseRenewInterval = TimeSpan.FromSeconds(5);
            o.MaxPollingInterval = TimeSpan.FromMilliseconds(100);
            configure?.Invoke(o);
        }, register);

    /// <summary>Advances the manual clock to the next pending timer whenever nothing else is left to do.</summary>
    protected override async Task<OrchestrationMetadata> CompleteAsync(string instanceId)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var idleRounds = 0;
        while (true)
        {
            var instance = await Client.GetInstanceAsync(instanceId, true, timeout.Token);
            if (instance is { IsCompleted: true })
            {
                return instance;
            }

            // Idle twice in a row (no message visible or in flight), so only timers can move things on.
            idleRounds = _storage.IsIdle ? idleRounds + 1 : 0;
            if (idleRounds >= 2 && _storage.NextDueAt is { } due)
            {
                _clock.AdvanceTo(due);
                idleRounds = 0;
            }

            await Task.Delay(5, timeout.Token);
        }
    }
}
