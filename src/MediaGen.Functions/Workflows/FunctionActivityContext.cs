using Microsoft.DurableTask;

namespace MediaGen.Functions.Workflows;

/// <summary>The <see cref="TaskActivityContext"/> of an activity run by an activity function: its name and the calling orchestration's id.</summary>
internal sealed class FunctionActivityContext(TaskName name, string instanceId) : TaskActivityContext
{
    /// <inheritdoc />
    public override TaskName Name { get; } = name;

    /// <inheritdoc />
    public override string InstanceId { get; } = instanceId;
}
