namespace MediaGen.Durable;

/// <summary>What an activity knows about its invocation. Mirrors <c>Microsoft.DurableTask.TaskActivityContext</c>.</summary>
public abstract class TaskActivityContext
{
    /// <summary>The activity's registered name.</summary>
    public abstract TaskName Name { get; }

    /// <summary>The instance id of the orchestration that called the activity.</summary>
    public abstract string InstanceId { get; }
}
