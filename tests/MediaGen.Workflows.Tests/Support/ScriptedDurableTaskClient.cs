namespace MediaGen.Workflows.Tests.Support;

/// <summary>
/// A <see cref="DurableTaskClient"/> whose answers a test scripts, to put the job service (the one class under test) in
/// front of the exceptions each real client throws: the states an instance is read in, one after another (the last one
/// stays), and the exception a raise, a start or a history read fails with.
/// </summary>
internal sealed class ScriptedDurableTaskClient() : DurableTaskClient("scripted")
{
    private readonly Dictionary<string, Queue<OrchestrationMetadata?>> _reads = [];

    /// <summary>What <see cref="RaiseEventAsync"/> throws (null: it succeeds and is counted).</summary>
    public Exception? RaiseFailure { get; set; }

    /// <summary>What <see cref="ScheduleNewOrchestrationInstanceAsync"/> throws (null: it succeeds).</summary>
    public Exception? StartFailure { get; set; }

    /// <summary>What <see cref="GetOrchestrationHistoryAsync"/> throws (null: an empty history).</summary>
    public Exception? HistoryFailure { get; set; }

    /// <summary>Events raised successfully.</summary>
    public int Raised { get; private set; }

    /// <summary>Instance reads so far.</summary>
    public int Reads { get; private set; }

    /// <summary>Scripts the reads of <paramref name="instanceId"/>: one state per read, the last one repeated (null: not found).</summary>
    public void ReadsOf(string instanceId, params OrchestrationMetadata?[] states) => _reads[instanceId] = new Queue<OrchestrationMetadata?>(states);

    /// <summary>A job instance (a synchronous generation) named <paramref name="instanceId"/> in <paramref name="status"/>.</summary>
    public static OrchestrationMetadata Job(string instanceId, OrchestrationRuntimeStatus status) =>
        new(nameof(Orchestrations.SyncGenerationOrchestrator), instanceId)
        {
            RuntimeStatus = status,
            CreatedAt = DateTimeOffset.UnixEpoch,
            LastUpdatedAt = DateTimeOffset.UnixEpoch,
        };

    public override Task<OrchestrationMetadata?> GetInstancesAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        // Never canceled: a read models one that happened before the call a test makes fail.
        Reads++;
        if (!_reads.TryGetValue(instanceId, out var states) || states.Count == 0)
        {
            return Task.FromResult<OrchestrationMetadata?>(null);
        }

        return Task.FromResult(states.Count > 1 ? states.Dequeue() : states.Peek());
    }

    public override Task RaiseEventAsync(string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        if (RaiseFailure is { } failure)
        {
            throw failure;
        }

        Raised++;
        return Task.CompletedTask;
    }

    public override Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default) =>
        StartFailure is { } failure ? throw failure : Task.FromResult(options?.InstanceId ?? "new");

    public override Task<IList<DurableTask.Core.History.HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default) =>
        HistoryFailure is { } failure ? throw failure : Task.FromResult<IList<DurableTask.Core.History.HistoryEvent>>([]);

    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        throw new NotSupportedException();

    public override Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default) => throw new NotSupportedException();

    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null) => throw new NotSupportedException();

    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
