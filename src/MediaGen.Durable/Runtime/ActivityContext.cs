namespace MediaGen.Durable.Runtime;

/// <summary>The context of one activity invocation.</summary>
internal sealed class ActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    public override TaskName Name => name;

    public override string InstanceId => instanceId;
}
