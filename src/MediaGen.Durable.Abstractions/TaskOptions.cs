namespace MediaGen.Durable;

/// <summary>Options of one activity or sub-orchestration call. Mirrors <c>Microsoft.DurableTask.TaskOptions</c>.</summary>
public class TaskOptions
{
    /// <summary>Creates task options.</summary>
    /// <param name="retryPolicy">Retry policy, or null for a single attempt.</param>
    public TaskOptions(RetryPolicy? retryPolicy = null) => RetryPolicy = retryPolicy;

    /// <summary>The retry policy, or null for a single attempt.</summary>
    public RetryPolicy? RetryPolicy { get; }

    /// <summary>Options that retry according to <paramref name="policy"/>.</summary>
    public static TaskOptions FromRetryPolicy(RetryPolicy policy) => new(policy);

    /// <summary>These options, for a sub-orchestration with an explicit instance id.</summary>
    public SubOrchestrationOptions WithInstanceId(string instanceId) => new(RetryPolicy, instanceId);
}
