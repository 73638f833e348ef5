namespace MediaGen.Durable.Client;

/// <summary>The state of an orchestration instance. Mirrors <c>Microsoft.DurableTask.Client.OrchestrationMetadata</c>.</summary>
/// <param name="Name">The orchestrator's name.</param>
/// <param name="InstanceId">The instance id.</param>
public sealed record OrchestrationMetadata(string Name, string InstanceId)
{
    /// <summary>The runtime status.</summary>
    public OrchestrationRuntimeStatus RuntimeStatus { get; init; }

    /// <summary>When the instance was created.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>When the instance state last changed.</summary>
    public DateTimeOffset LastUpdatedAt { get; init; }

    /// <summary>The input as JSON (only when inputs and outputs were requested).</summary>
    public string? SerializedInput { get; init; }

    /// <summary>The output as JSON (only when inputs and outputs were requested); for a terminated instance, the reason.</summary>
    public string? SerializedOutput { get; init; }

    /// <summary>The custom status as JSON (only when inputs and outputs were requested).</summary>
    public string? SerializedCustomStatus { get; init; }

    /// <summary>Why the instance failed, when it did.</summary>
    public TaskFailureDetails? FailureDetails { get; init; }

    /// <summary>Whether the instance is pending or running.</summary>
    public bool IsRunning => RuntimeStatus is OrchestrationRuntimeStatus.Running or OrchestrationRuntimeStatus.Pending or OrchestrationRuntimeStatus.ContinuedAsNew;

    /// <summary>Whether the instance has finished (completed, failed or terminated).</summary>
    public bool IsCompleted => RuntimeStatus is OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated;

    /// <summary>The input, deserialized.</summary>
    public T? ReadInputAs<T>() => JsonDataConverter.Deserialize<T>(SerializedInput);

    /// <summary>The output, deserialized.</summary>
    public T? ReadOutputAs<T>() => JsonDataConverter.Deserialize<T>(SerializedOutput);

    /// <summary>The custom status, deserialized.</summary>
    public T? ReadCustomStatusAs<T>() => JsonDataConverter.Deserialize<T>(SerializedCustomStatus);
}
