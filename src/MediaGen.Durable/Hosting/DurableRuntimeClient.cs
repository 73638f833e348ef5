using MediaGen.Durable.Client;
using MediaGen.Durable.History;
using MediaGen.Durable.Runtime;

namespace MediaGen.Durable.Hosting;

/// <summary>The runtime's <see cref="DurableTaskClient"/>: talks to the task hub's storage directly; needs no running worker.</summary>
public sealed class DurableRuntimeClient : DurableTaskClient
{
    private readonly TaskHub _hub;
    private readonly InstanceStore _store;
    private readonly MessageCodec _codec;
    private readonly TimeProvider _clock;

    internal DurableRuntimeClient(TaskHub hub, InstanceStore store, MessageCodec codec, TimeProvider clock)
    {
        _hub = hub;
        _store = store;
        _codec = codec;
        _clock = clock;
    }

    /// <inheritdoc />
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellationToken = default)
    {
        await _hub.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        ArgumentException.ThrowIfNullOrEmpty(orchestratorName.Name, nameof(orchestratorName));
        var instanceId = options?.InstanceId ?? Guid.NewGuid().ToString("N");
        ArgumentException.ThrowIfNullOrWhiteSpace(instanceId, nameof(options));
        var now = _clock.GetUtcNow().UtcDateTime;
        var executionId = Guid.NewGuid().ToString("N");
        var serialized = JsonDataConverter.Serialize(input);
        var start = new WorkMessage("start/" + executionId, instanceId, executionId, new ExecutionStarted(orchestratorName, executionId, serialized, null) { Timestamp = now })
        {
            DueAt = options?.StartAt?.UtcDateTime,
        };
        var state = InstanceState.ForStart(start);

        // The conditional create is the idempotency check: an existing id keeps its one run.
        var etag = await _store.SaveAsync(state, null, cancellationToken).ConfigureAwait(false);
        if (etag is null)
        {
            var (existing, _) = await _store.LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
            if (existing is { Status: OrchestrationRuntimeStatus.Pending, History.Count: 0, Inbox: [var pendingStart, ..] })
            {
                // An earlier start stored the instance but may have crashed before sending: send again (de-duplicated).
                await _codec.SendAsync(pendingStart, cancellationToken).ConfigureAwait(false);
            }

            return instanceId;
        }

        await _codec.SendAsync(start with { StateETag = etag }, cancellationToken).ConfigureAwait(false);
        return instanceId;
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata?> GetInstanceAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        await _hub.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var (state, _) = await _store.LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return state?.ToMetadata(getInputsAndOutputs);
    }

    /// <summary>The history of the instance's current execution (for diagnostics and tests); null when it does not exist.</summary>
    public async Task<IReadOnlyList<HistoryEvent>?> GetHistoryAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        await _hub.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        var (state, _) = await _store.LoadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return state?.History;
    }

    /// <inheritdoc />
    public override async Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellationToken = default)
    {
        await _hub.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        await EnsureExistsAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var id = "event/" + Guid.NewGuid().ToString("N");
        var raised = new EventRaised(eventName, JsonDataConverter.Serialize(eventPayload), id) { Timestamp = _clock.GetUtcNow().UtcDateTime };
        await _codec.SendAsync(new WorkMessage(id, instanceId, null, raised), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task TerminateInstanceAsync(string instanceId, object? output = null, CancellationToken cancellationToken = default)
    {
        await _hub.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        await EnsureExistsAsync(instanceId, cancellationToken).ConfigureAwait(false);
        var id = "terminate/" + Guid.NewGuid().ToString("N");
        var terminated = new ExecutionTerminated(JsonDataConverter.Serialize(output)) { Timestamp = _clock.GetUtcNow().UtcDateTime };
        await _codec.SendAsync(new WorkMessage(id, instanceId, null, terminated), cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public override async Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellationToken = default)
    {
        var delay = TimeSpan.FromMilliseconds(20);
        while (true)
        {
            var instance = await GetInstanceAsync(instanceId, getInputsAndOutputs, cancellationToken).ConfigureAwait(false)
                ?? throw new OrchestrationNotFoundException(instanceId);
            if (instance.IsCompleted)
            {
                return instance;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromMilliseconds(500).Ticks));
        }
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeInstanceAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await GetInstanceAsync(instanceId, false, cancellationToken).ConfigureAwait(false);
        return instance is { IsCompleted: true } && await _store.DeleteAsync(instanceId, cancellationToken).ConfigureAwait(false)
            ? new PurgeResult(1)
            : new PurgeResult(0);
    }

    /// <inheritdoc />
    public override async Task<PurgeResult> PurgeAllInstancesAsync(PurgeInstancesFilter filter, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var query = new OrchestrationQuery(filter.CreatedFrom, filter.CreatedTo, filter.Statuses, PageSize: 1000);
        var purged = 0;
        await foreach (var instance in GetAllInstancesAsync(query, cancellationToken).ConfigureAwait(false))
        {
            if (instance.IsCompleted && await _store.DeleteAsync(instance.InstanceId, cancellationToken).ConfigureAwait(false))
            {
                purged++;
            }
        }

        return new PurgeResult(purged);
    }

    /// <inheritdoc />
    public override async Task<OrchestrationQueryPage> GetInstancesPageAsync(OrchestrationQuery query, CancellationToken cancellationToken = default)
    {
        await _hub.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(query.PageSize, 1, nameof(query));
        var (instances, next) = await _store.ListAsync(query.InstanceIdPrefix ?? "", query.PageSize, query.ContinuationToken, cancellationToken).ConfigureAwait(false);
        var matching = instances.Where(query.Matches).ToList();
        if (query.FetchInputsAndOutputs)
        {
            var full = await Task.WhenAll(matching.Select(i => GetInstanceAsync(i.InstanceId, true, cancellationToken))).ConfigureAwait(false);
            matching = [.. full.OfType<OrchestrationMetadata>()];
        }

        return new OrchestrationQueryPage(matching, next);
    }

    private async Task EnsureExistsAsync(string instanceId, CancellationToken cancellationToken)
    {
        if (!await _hub.Instances.ExistsAsync(instanceId, cancellationToken).ConfigureAwait(false))
        {
            throw new OrchestrationNotFoundException(instanceId);
        }
    }
}
