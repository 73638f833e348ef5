namespace MediaGen.Durable.Client;

/// <summary>Which finished instances a bulk purge deletes. Mirrors <c>Microsoft.DurableTask.Client.PurgeInstancesFilter</c>.</summary>
/// <param name="CreatedFrom">Only instances created at or after this time.</param>
/// <param name="CreatedTo">Only instances created before this time.</param>
/// <param name="Statuses">Only instances in one of these (finished) statuses; null or empty: any finished status.</param>
public sealed record PurgeInstancesFilter(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null);
