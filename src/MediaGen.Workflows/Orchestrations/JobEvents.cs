namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// The <c>started</c> and <c>output</c> callbacks of one run (<see cref="EventTarget"/>), delivered one after another in
/// the order they happened, each by <see cref="JobNotifier.CallbackAsync"/> (the activity, the retries and the backoff of
/// the <c>completed</c> callback) under an id derived from the job id, the event and the item index
/// (<see cref="CallbackEvents.DeliveryId"/>). The work never waits for them; the run drains them
/// (<see cref="DrainAsync"/>) before it sends <c>completed</c> or continues as new, so <c>completed</c> comes last.
/// Orchestration code: every input is the context's time or data from the history, so a replay makes the same calls.
/// </summary>
internal sealed class JobEvents
{
    private readonly TaskOrchestrationContext _context;
    private readonly EventTarget? _target;
    private readonly JobPolicy? _policy;
    private readonly string? _traceParent;
    private readonly JobKind? _kind;
    private readonly ProviderName? _provider;
    private readonly List<string> _problems = [];
    private Task _tail = Task.CompletedTask;

    public JobEvents(TaskOrchestrationContext context, EventTarget? target, JobPolicy? policy, string? traceParent, JobKind? kind = null, ProviderName? provider = null)
    {
        _context = context;
        _target = policy is null ? null : target;
        _policy = policy;
        _traceParent = traceParent;
        _kind = kind;
        _provider = provider;
    }

    /// <summary>A run that delivers no events (batch items, failover candidates, nothing chosen).</summary>
    public static JobEvents None(TaskOrchestrationContext context) => new(context, null, null, null);

    /// <summary>The events of a top-level job (none for batch items and failover candidates, whose parent reports).</summary>
    public static JobEvents For(TaskOrchestrationContext context, JobInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = input.Request;
        return input.Notify
            ? new JobEvents(context, TargetOf(context.InstanceId, "job", request.CallbackUrl, request.CallbackEvents), input.Policy, input.TraceParent, request.Kind, request.Provider)
            : None(context);
    }

    /// <summary>Where <paramref name="events"/> other than <c>completed</c> go; null when none of them was chosen.</summary>
    public static EventTarget? TargetOf(string id, string type, string? url, IReadOnlyList<CallbackEvent>? events) =>
        url is not null && events is not null && (events.Contains(CallbackEvent.Started) || events.Contains(CallbackEvent.Output))
            ? new EventTarget(url, id, type, events)
            : null;

    /// <summary>The first provider call begins (the run calls this once).</summary>
    public void Started()
    {
        if (Wants(CallbackEvent.Started))
        {
            Enqueue(CallbackEvent.Started, null, at => Body(CallbackEvent.Started, at));
        }
    }

    /// <summary>The item at <paramref name="index"/> of a job or chain was stored.</summary>
    public void Output(int index, JobResultItem item)
    {
        if (Wants(CallbackEvent.Output))
        {
            Enqueue(CallbackEvent.Output, index, at => Body(CallbackEvent.Output, at) with { Index = index, Item = item });
        }
    }

    /// <summary>Batch item <paramref name="index"/> (job <paramref name="itemId"/>) completed with <paramref name="result"/>.</summary>
    public void BatchOutput(int index, string itemId, JobResult? result)
    {
        if (Wants(CallbackEvent.Output))
        {
            Enqueue(CallbackEvent.Output, index, at => Body(CallbackEvent.Output, at) with { Index = index, ItemId = itemId, Result = result });
        }
    }

    /// <summary>Waits until every event enqueued so far was delivered or given up; returns why any failed for good, or null.</summary>
    public async Task<string?> DrainAsync()
    {
        await _tail;
        return _problems.Count == 0 ? null : string.Join("; ", _problems);
    }

    private bool Wants(CallbackEvent @event) => _target?.Events.Contains(@event) == true;

    private JobEventNotification Body(CallbackEvent @event, DateTimeOffset at) =>
        new(WireNames.Of(@event), _target!.Id, _target.Type, JobStatus.Running, at, _kind, _provider);

    private void Enqueue(CallbackEvent @event, int? index, Func<DateTimeOffset, JobEventNotification> body)
    {
        var at = new DateTimeOffset(DateTime.SpecifyKind(_context.CurrentUtcDateTime, DateTimeKind.Utc));
        _tail = DeliverAfterAsync(_tail, CallbackEvents.DeliveryId(_target!.Id, @event, index), body(at));
    }

    private async Task DeliverAfterAsync(Task previous, string deliveryId, JobEventNotification body)
    {
        // One at a time, in the order they happened: a retried delivery holds back the ones after it.
        await previous;
        if (await JobNotifier.CallbackAsync(_context, _target!.Url, deliveryId, null, body, _policy!, _traceParent) is { } failure)
        {
            _problems.Add($"{body.Event} callback {deliveryId}: {failure.Message}");
        }
    }
}
