namespace MediaGen.Durable.Client;

/// <summary>Options of a new orchestration instance. Mirrors <c>Microsoft.DurableTask.StartOrchestrationOptions</c>.</summary>
/// <param name="InstanceId">The instance id; a start with an id that exists returns it and starts nothing. Null: a new GUID.</param>
/// <param name="StartAt">When to start; null: now.</param>
public sealed record StartOrchestrationOptions(string? InstanceId = null, DateTimeOffset? StartAt = null);
