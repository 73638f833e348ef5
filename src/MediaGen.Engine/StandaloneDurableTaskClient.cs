using DurableTask.AzureStorage.Tracking;
using DurableTask.Core.Exceptions;
using CorePurgeInstanceFilter = DurableTask.Core.PurgeInstanceFilter;
using PurgeResult = Microsoft.DurableTask.Client.PurgeResult;

namespace MediaGen.Engine;

/// <summary>
/// The <see cref="DurableTaskClient"/> of the standalone engine: DurableTask.Core's client API over the shared
/// <see cref="AzureStorageOrchestrationService"/>. It behaves as the Durable Functions client does on the same
/// backend (its <c>DurableClient</c> with <c>OverridableExistingInstanceStates = NonRunningStates</c> and status
/// checks before raise/terminate/suspend/resume), so code written against one is correct against the other.
/// Payloads (inputs, outputs, events, terminate reasons) go through the app's <see cref="DataConverter"/>.
/// Cancellation tokens are checked before a storage write; a write under way is not abandoned half-done.
/// </summary>
public sealed class StandaloneDurableTaskClient : DurableTaskClient, IDisposable
{
    /// <summary>Longest instance id Durable Functions accepts.</summary>
    public const int MaxInstanceIdLength = 100;

    private static readonly TimeSpan FirstPollDelay = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan MaxPollDelay = TimeSpan.FromSeconds(1);

    private readonly AzureStorageOrchestrationService _service;
    private readonly DataConverter _dataConverter;

    /// <summary>Creates a client over <paramref name="service"/> serializing payloads with <paramref name="dataConverter"/>.</summary>
    /// <param name="service">The backend, shared with the worker of the same process (one per process).</param>
    /// <param name="dataConverter">The app's converter: the same one the worker uses.</param>
    /// <param name="name">The client's name; the task hub name by convention.</param>
    public StandaloneDurableTaskClient(AzureStorageOrchestrationService service, DataConverter dataConverter, string name = "MediaGen")
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(dataConverter);
        _service = service;
        _dataConverter = dataConverter;
    }

    /// <summary>
    /// Starts <paramref name="orchestratorName"/> with <paramref name="input"/> and returns the instance id: the one
    /// in <paramref name="options"/> or a new GUID ("N" format). Ids up to <see cref="MaxInstanceIdLength"/> characters,
    /// not starting with <c>@</c> and without <c>/ \ # ?</c> or control characters (table keys), else
    /// <see cref="ArgumentException"/>. <see cref="StartOrchestrationOptions.StartAt"/> delays the start (the instance
    /// is Pending until then; at most 7 days ahead). When the id already exists: with
    /// <see cref="StartOrchestrationOptions.DedupeStatuses"/> null, an instance that still runs (Running, Pending,
    /// Suspended, ContinuedAsNew) makes the start fail and a finished one is replaced by a new execution, as Durable
    /// Functions does by default; with DedupeStatuses set, exactly those statuses make it fail and any other is
    /// replaced (listing no running status lets a start overwrite a running instance). A failed start throws DTFx's
    /// <see cref="OrchestrationAlreadyExistsException"/> (an <see cref="InvalidOperationException"/>, as the Durable
    /// Functions client throws) and leaves the existing instance untouched.
    /// </summary>
    public override async Task<string> ScheduleNewOrchestrationInstanceAsync(
        TaskName orchestratorName, object? input = null, StartOrchestrationOptions? options = null, CancellationToken cancellation = default)
    {
        var (message, dedupeStatuses) = StartMessageFactory.Create(orchestratorName, input, options, _dataConverter);
        var instanceId = message.OrchestrationInstance.InstanceId;
        cancellation.ThrowIfCancellationRequested();
        try
        {
            await _service.CreateTaskOrchestrationAsync(message, dedupeStatuses);
        }
        catch (OrchestrationAlreadyExistsException e)
        {
            throw new OrchestrationAlreadyExistsException($"Orchestration instance '{instanceId}' already exists. {e.Message}", e);
        }

        return instanceId;
    }

    /// <summary>
    /// Sends event <paramref name="eventName"/> with <paramref name="eventPayload"/> to a running instance (Running,
    /// Pending, Suspended or ContinuedAsNew; it is buffered until the orchestration waits for it). As the Durable
    /// Functions client on this backend (it checks the status first): an unknown instance throws
    /// <see cref="ArgumentException"/>, a finished one (Completed, Failed, Terminated) throws
    /// <see cref="InvalidOperationException"/>. The backend drops an event that arrives just after the instance
    /// finishes, and may drop one sent while the instance is still Pending (its start message not yet processed, or a
    /// <see cref="StartOrchestrationOptions.StartAt"/> in the future): wait for <see cref="WaitForInstanceStartAsync(string, bool, CancellationToken)"/>
    /// first, as Durable Functions advises for the same backend.
    /// </summary>
    public override async Task RaiseEventAsync(
        string instanceId, string eventName, object? eventPayload = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(eventName);
        var state = await GetRequiredStateAsync(instanceId, cancellation);
        if (!OrchestrationStateConverter.IsRunning(state.OrchestrationStatus))
        {
            throw new InvalidOperationException(
                $"Cannot raise event {eventName} for orchestration instance {instanceId} because instance is in {state.OrchestrationStatus} state.");
        }

        cancellation.ThrowIfCancellationRequested();
        await SendAsync(instanceId, new EventRaisedEvent(-1, _dataConverter.Serialize(eventPayload)) { Name = eventName });
    }

    /// <summary>
    /// Terminates a running instance; <see cref="TerminateInstanceOptions.Output"/> (serialized) becomes its output.
    /// Unknown instance: <see cref="ArgumentException"/>; finished instance: <see cref="InvalidOperationException"/>
    /// (as Durable Functions). <see cref="TerminateInstanceOptions.Recursive"/> is ignored, as in Durable Functions on
    /// this backend: sub-orchestrations keep running. Completes when the request is queued; wait with
    /// <see cref="WaitForInstanceCompletionAsync(string, bool, CancellationToken)"/>.
    /// </summary>
    public override async Task TerminateInstanceAsync(
        string instanceId, TerminateInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        var state = await GetRequiredStateAsync(instanceId, cancellation);
        if (!OrchestrationStateConverter.IsRunning(state.OrchestrationStatus))
        {
            throw new InvalidOperationException(
                $"Cannot terminate the orchestration instance {instanceId} because instance is in the {state.OrchestrationStatus} state.");
        }

        cancellation.ThrowIfCancellationRequested();
        await _service.ForceTerminateTaskOrchestrationAsync(instanceId, _dataConverter.Serialize(options?.Output));
    }

    /// <summary>
    /// Suspends a Running, Pending or ContinuedAsNew instance (events and results wait until it resumes). Unknown
    /// instance: <see cref="ArgumentException"/>; any other status: <see cref="InvalidOperationException"/>.
    /// </summary>
    public override async Task SuspendInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        var state = await GetRequiredStateAsync(instanceId, cancellation);
        if (state.OrchestrationStatus is not (OrchestrationStatus.Running or OrchestrationStatus.Pending or OrchestrationStatus.ContinuedAsNew))
        {
            throw new InvalidOperationException(
                $"Cannot suspend the orchestration instance {instanceId} because instance is in the {state.OrchestrationStatus} state.");
        }

        cancellation.ThrowIfCancellationRequested();
        await SendAsync(instanceId, new ExecutionSuspendedEvent(-1, reason));
    }

    /// <summary>
    /// Resumes a Suspended instance. Unknown instance: <see cref="ArgumentException"/>; any other status:
    /// <see cref="InvalidOperationException"/>.
    /// </summary>
    public override async Task ResumeInstanceAsync(string instanceId, string? reason = null, CancellationToken cancellation = default)
    {
        var state = await GetRequiredStateAsync(instanceId, cancellation);
        if (state.OrchestrationStatus != OrchestrationStatus.Suspended)
        {
            throw new InvalidOperationException(
                $"Cannot resume the orchestration instance {instanceId} because instance is in the {state.OrchestrationStatus} state.");
        }

        cancellation.ThrowIfCancellationRequested();
        await SendAsync(instanceId, new ExecutionResumedEvent(-1, reason));
    }

    /// <summary>
    /// The instance's current state, or null when no instance has this id. Without
    /// <paramref name="getInputsAndOutputs"/> input, output, custom status and failure details are null. A failed
    /// instance's <see cref="OrchestrationMetadata.FailureDetails"/> (error type, message, stack trace, inner failures)
    /// comes from its history, as the instance table keeps only <c>"{type}: {message}"</c> as its output.
    /// </summary>
    public override async Task<OrchestrationMetadata?> GetInstancesAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var state = await GetStateAsync(instanceId, getInputsAndOutputs, cancellation);
        if (state is null)
        {
            return null;
        }

        FailureDetails? failure = null;
        if (getInputsAndOutputs && state.OrchestrationStatus == OrchestrationStatus.Failed && state.FailureDetails is null)
        {
            failure = await ReadFailureFromHistoryAsync(instanceId, state.OrchestrationInstance.ExecutionId, cancellation);
        }

        return OrchestrationStateConverter.ToMetadata(state, getInputsAndOutputs, _dataConverter, failure);
    }

    /// <summary>
    /// Waits until the instance exists and has left Pending (it started), polling every 50 ms growing to 1 s, and
    /// returns its state. An unknown id is waited for too: only <paramref name="cancellation"/> ends the wait
    /// (<see cref="OperationCanceledException"/>).
    /// </summary>
    public override Task<OrchestrationMetadata> WaitForInstanceStartAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, m => m.RuntimeStatus != OrchestrationRuntimeStatus.Pending, cancellation);

    /// <summary>
    /// Waits until the instance is Completed, Failed or Terminated (or Canceled), polling every 50 ms growing to
    /// 1 s, and returns its state. An unknown id is waited for too: only <paramref name="cancellation"/> ends the wait
    /// (<see cref="OperationCanceledException"/>).
    /// </summary>
    public override Task<OrchestrationMetadata> WaitForInstanceCompletionAsync(
        string instanceId, bool getInputsAndOutputs = false, CancellationToken cancellation = default) =>
        PollAsync(instanceId, getInputsAndOutputs, IsFinished, cancellation);

    /// <summary>
    /// Pages through instances matching <paramref name="filter"/>: created time range, statuses, instance id prefix,
    /// page size (default 100), inputs and outputs, and a continuation token to resume from. Task hub names are
    /// ignored (this client serves one hub). Failed instances come without FailureDetails here (the instance table
    /// lacks them): read one with <see cref="GetInstancesAsync(string, bool, CancellationToken)"/>.
    /// </summary>
    public override AsyncPageable<OrchestrationMetadata> GetAllInstancesAsync(OrchestrationQuery? filter = null)
    {
        filter ??= new OrchestrationQuery();
        var condition = new OrchestrationInstanceStatusQueryCondition
        {
            CreatedTimeFrom = filter.CreatedFrom?.UtcDateTime ?? default,
            CreatedTimeTo = filter.CreatedTo?.UtcDateTime ?? default,
            RuntimeStatus = filter.Statuses?.Select(OrchestrationStateConverter.ToCoreStatus).ToArray(),
            InstanceIdPrefix = filter.InstanceIdPrefix,
            FetchInput = filter.FetchInputsAndOutputs,
            FetchOutput = filter.FetchInputsAndOutputs,
            ExcludeEntities = true,
        };

        return Pageable.Create(async (string? continuation, int? pageSize, CancellationToken cancellation) =>
        {
            var result = await _service.GetOrchestrationStateAsync(
                condition, pageSize ?? filter.PageSize, continuation ?? filter.ContinuationToken, cancellation);
            var values = new List<OrchestrationMetadata>();
            foreach (var state in result.OrchestrationState)
            {
                var complete = await CompleteFromHistoryAsync(state, filter.FetchInputsAndOutputs, cancellation);
                values.Add(OrchestrationStateConverter.ToMetadata(complete, filter.FetchInputsAndOutputs, _dataConverter, failure: null));
            }

            return new Page<OrchestrationMetadata>(values, string.IsNullOrEmpty(result.ContinuationToken) ? null : result.ContinuationToken);
        });
    }

    /// <summary>
    /// Deletes the instance's state and history whatever its status (as Durable Functions on this backend does; a
    /// running instance's pending messages are then discarded). Returns 1 when it existed, else 0.
    /// <see cref="PurgeInstanceOptions.Recursive"/> is ignored: sub-orchestrations are separate instances.
    /// </summary>
    public override async Task<PurgeResult> PurgeInstanceAsync(
        string instanceId, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        cancellation.ThrowIfCancellationRequested();
        var result = await ((IOrchestrationServicePurgeClient)_service).PurgeInstanceStateAsync(instanceId);
        return new PurgeResult(result.DeletedInstanceCount, result.IsComplete);
    }

    /// <summary>
    /// Deletes every instance created in the filter's time range (open ends allowed) with one of its statuses (all
    /// when null); <see cref="PurgeInstancesFilter.Timeout"/> bounds the work and <see cref="PurgeResult.IsComplete"/>
    /// then tells whether everything matching was deleted.
    /// </summary>
    public override async Task<PurgeResult> PurgeAllInstancesAsync(
        PurgeInstancesFilter filter, PurgeInstanceOptions? options = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        cancellation.ThrowIfCancellationRequested();
        var coreFilter = new CorePurgeInstanceFilter(
            filter.CreatedFrom?.UtcDateTime ?? DateTime.MinValue,
            filter.CreatedTo?.UtcDateTime,
            filter.Statuses?.Select(OrchestrationStateConverter.ToCoreStatus).ToArray())
        {
            Timeout = filter.Timeout,
        };
        var result = await ((IOrchestrationServicePurgeClient)_service).PurgeInstanceStateAsync(coreFilter);
        return new PurgeResult(result.DeletedInstanceCount, result.IsComplete);
    }

    /// <summary>The history events of the instance's latest execution, oldest first; empty for an unknown id.</summary>
    public override async Task<IList<HistoryEvent>> GetOrchestrationHistoryAsync(string instanceId, CancellationToken cancellation = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var json = await _service.GetOrchestrationHistoryAsync(instanceId, executionId: null).WaitAsync(cancellation);
        return HistoryEventJson.Parse(json);
    }

    /// <summary>Nothing to release: the backend belongs to the container, shared with the worker.</summary>
    public override ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>Nothing to release; lets a container that is disposed synchronously dispose this client.</summary>
    public void Dispose()
    {
    }

    private static bool IsFinished(OrchestrationMetadata metadata) =>
        metadata.IsCompleted || metadata.RuntimeStatus == OrchestrationStateConverter.ToRuntimeStatus(OrchestrationStatus.Canceled);

    private async Task<OrchestrationMetadata> PollAsync(
        string instanceId, bool getInputsAndOutputs, Func<OrchestrationMetadata, bool> done, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        var delay = FirstPollDelay;
        while (true)
        {
            if (await GetInstancesAsync(instanceId, getInputsAndOutputs, cancellation) is { } metadata && done(metadata))
            {
                return metadata;
            }

            await Task.Delay(delay, cancellation);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPollDelay.Ticks));
        }
    }

    private async Task<OrchestrationState?> GetStateAsync(string instanceId, bool fetchInput, CancellationToken cancellation)
    {
        var states = await _service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput).WaitAsync(cancellation);
        var state = states.FirstOrDefault(s => s?.OrchestrationInstance is not null);
        return state is null ? null : await CompleteFromHistoryAsync(state, fetchInput, cancellation);
    }

    /// <summary>
    /// <paramref name="state"/>, or, when its row of the instance store lacks what the execution's start records (name,
    /// creation time, input, status), those read from the start event in its history. The backend commits an episode in
    /// steps — outbound messages, then history, then the instance row — so a process killed between the last two leaves
    /// a started execution (its activities already running) whose row never gets them: the start event is no longer new
    /// when the episode is replayed, and later episodes merge only status and output into the row. Without this, such an
    /// instance reads as nameless and Pending for good (a finished job the API calls unknown). Rare (a crash in a window of
    /// milliseconds), so the extra history read costs nothing otherwise.
    /// </summary>
    private async Task<OrchestrationState> CompleteFromHistoryAsync(OrchestrationState state, bool fetchInput, CancellationToken cancellation)
    {
        if (!string.IsNullOrEmpty(state.Name))
        {
            return state;
        }

        var json = await _service.GetOrchestrationHistoryAsync(state.OrchestrationInstance.InstanceId, state.OrchestrationInstance.ExecutionId).WaitAsync(cancellation);
        var history = HistoryEventJson.Parse(json);
        if (history.OfType<ExecutionStartedEvent>().FirstOrDefault() is not { } started)
        {
            return state;
        }

        state.Name = started.Name;
        state.Version = started.Version;
        state.Tags ??= started.Tags;
        if (state.CreatedTime == default)
        {
            state.CreatedTime = started.Timestamp;
        }

        if (fetchInput && state.Input is null)
        {
            state.Input = started.Input;
        }

        if (!Enum.IsDefined(state.OrchestrationStatus) || state.OrchestrationStatus == OrchestrationStatus.Pending)
        {
            state.OrchestrationStatus = history.OfType<ExecutionCompletedEvent>().LastOrDefault()?.OrchestrationStatus
                ?? (history.OfType<ExecutionTerminatedEvent>().Any() ? OrchestrationStatus.Terminated : OrchestrationStatus.Running);
        }

        return state;
    }

    private async Task<OrchestrationState> GetRequiredStateAsync(string instanceId, CancellationToken cancellation)
    {
        ArgumentException.ThrowIfNullOrEmpty(instanceId);
        return await GetStateAsync(instanceId, fetchInput: false, cancellation)
            ?? throw new ArgumentException($"No instance with ID '{instanceId}' was found.", nameof(instanceId));
    }

    private async Task<FailureDetails?> ReadFailureFromHistoryAsync(string instanceId, string? executionId, CancellationToken cancellation)
    {
        var json = await _service.GetOrchestrationHistoryAsync(instanceId, executionId).WaitAsync(cancellation);
        return HistoryEventJson.Parse(json).OfType<ExecutionCompletedEvent>().LastOrDefault()?.FailureDetails;
    }

    // No execution id: the message reaches whichever execution runs now (ContinueAsNew starts new ones).
    private Task SendAsync(string instanceId, HistoryEvent historyEvent) =>
        _service.SendTaskOrchestrationMessageAsync(new TaskMessage
        {
            OrchestrationInstance = new OrchestrationInstance { InstanceId = instanceId },
            Event = historyEvent,
        });
}
