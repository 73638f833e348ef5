namespace MediaGen.Engine;

/// <summary>Turns a client start request into the backend's creation message and dedupe statuses, checking it.</summary>
internal static class StartMessageFactory
{
    /// <summary>Azure Queues hide a message at most 7 days, which bounds a scheduled start.</summary>
    private static readonly TimeSpan MaxStartDelay = TimeSpan.FromDays(7);

    /// <summary>The statuses Durable Functions never overwrites by default: an instance that still runs.</summary>
    private static readonly OrchestrationStatus[] RunningStatuses =
        [OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew, OrchestrationStatus.Pending, OrchestrationStatus.Suspended];

    public static (TaskMessage Message, OrchestrationStatus[] DedupeStatuses) Create(
        TaskName orchestratorName, object? input, StartOrchestrationOptions? options, DataConverter dataConverter)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(orchestratorName.Name, nameof(orchestratorName));
        var instanceId = options?.InstanceId is { Length: > 0 } id ? CheckInstanceId(id) : Guid.NewGuid().ToString("N");
        var startAt = options?.StartAt?.UtcDateTime;
        if (startAt > DateTime.UtcNow + MaxStartDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options!.StartAt, "StartAt may be at most 7 days ahead (Azure Queues' longest delay).");
        }

        var dedupeStatuses = options?.DedupeStatuses is { } names ? names.Select(ParseDedupeStatus).Distinct().ToArray() : RunningStatuses;
        var instance = new OrchestrationInstance { InstanceId = instanceId, ExecutionId = Guid.NewGuid().ToString("N") };
        var started = new ExecutionStartedEvent(-1, dataConverter.Serialize(input))
        {
            Name = orchestratorName.Name,
            Version = options?.Version?.Version ?? string.Empty,
            OrchestrationInstance = instance,
            ScheduledStartTime = startAt,
            Tags = options?.Tags is { Count: > 0 } tags ? tags.ToDictionary(t => t.Key, t => t.Value) : null,
        };
        return (new TaskMessage { OrchestrationInstance = instance, Event = started }, dedupeStatuses);
    }

    private static string CheckInstanceId(string instanceId)
    {
        if (instanceId.Length > StandaloneDurableTaskClient.MaxInstanceIdLength || instanceId.StartsWith('@') ||
            instanceId.Any(c => c is '/' or '\\' or '#' or '?' || char.IsControl(c)))
        {
            throw new ArgumentException(
                $"Instance ids are at most {StandaloneDurableTaskClient.MaxInstanceIdLength} characters, do not start with @ and contain no /, \\, #, ? or control characters.",
                nameof(instanceId));
        }

        return instanceId;
    }

    private static OrchestrationStatus ParseDedupeStatus(string name) =>
        Enum.TryParse<OrchestrationRuntimeStatus>(name, ignoreCase: true, out var status) && Enum.IsDefined(status)
            ? OrchestrationStateConverter.ToCoreStatus(status)
            : throw new ArgumentException($"'{name}' is not an orchestration runtime status, so it cannot be a dedupe status.", nameof(name));
}
