namespace MediaGen.Durable;

/// <summary>Options of a sub-orchestration call. Mirrors <c>Microsoft.DurableTask.SubOrchestrationOptions</c>.</summary>
public sealed class SubOrchestrationOptions : TaskOptions
{
    /// <summary>Creates sub-orchestration options.</summary>
    /// <param name="retryPolicy">Retry policy, or null for a single attempt.</param>
    /// <param name="instanceId">Instance id of the child, or null for a deterministic generated one.</param>
    public SubOrchestrationOptions(RetryPolicy? retryPolicy = null, string? instanceId = null)
        : base(retryPolicy) => InstanceId = instanceId;

    /// <summary>Instance id of the child, or null for a deterministic generated one.</summary>
    public string? InstanceId { get; }
}
