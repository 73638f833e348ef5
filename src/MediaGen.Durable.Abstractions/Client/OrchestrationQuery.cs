namespace MediaGen.Durable.Client;

/// <summary>A filter over instances, paged. Mirrors <c>Microsoft.DurableTask.Client.OrchestrationQuery</c>.</summary>
/// <param name="CreatedFrom">Only instances created at or after this time.</param>
/// <param name="CreatedTo">Only instances created before this time.</param>
/// <param name="Statuses">Only instances in one of these statuses; null or empty: any.</param>
/// <param name="InstanceIdPrefix">Only instances whose id starts with this.</param>
/// <param name="PageSize">Instances examined per page (default 100); a filtered page may hold fewer.</param>
/// <param name="FetchInputsAndOutputs">Whether to read inputs, outputs and custom status too.</param>
/// <param name="ContinuationToken">Where the previous page ended; null for the first page.</param>
public sealed record OrchestrationQuery(
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedTo = null,
    IEnumerable<OrchestrationRuntimeStatus>? Statuses = null,
    string? InstanceIdPrefix = null,
    int PageSize = OrchestrationQuery.DefaultPageSize,
    bool FetchInputsAndOutputs = false,
    string? ContinuationToken = null)
{
    /// <summary>The default page size.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>Whether <paramref name="instance"/> passes the time and status filters.</summary>
    public bool Matches(OrchestrationMetadata instance)
    {
        ArgumentNullException.ThrowIfNull(instance);
        return (CreatedFrom is null || instance.CreatedAt >= CreatedFrom)
            && (CreatedTo is null || instance.CreatedAt < CreatedTo)
            && (InstanceIdPrefix is null || instance.InstanceId.StartsWith(InstanceIdPrefix, StringComparison.Ordinal))
            && (Statuses is null || !Statuses.Any() || Statuses.Contains(instance.RuntimeStatus));
    }
}
