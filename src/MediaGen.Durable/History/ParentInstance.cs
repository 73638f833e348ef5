namespace MediaGen.Durable.History;

/// <summary>The orchestration that started a sub-orchestration, and the task the result answers.</summary>
/// <param name="InstanceId">The parent's instance id.</param>
/// <param name="ExecutionId">The parent's execution id.</param>
/// <param name="TaskScheduledId">The parent's task sequence number.</param>
public sealed record ParentInstance(string InstanceId, string ExecutionId, int TaskScheduledId);
