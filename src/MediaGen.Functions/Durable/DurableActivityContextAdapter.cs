using Mg = MediaGen.Durable;

namespace MediaGen.Functions.Durable;

/// <summary>MediaGen's <see cref="Mg.TaskActivityContext"/> for an activity run by Durable Functions.</summary>
public sealed class DurableActivityContextAdapter(string name, string instanceId) : Mg.TaskActivityContext
{
    public override Mg.TaskName Name { get; } = new(name);

    public override string InstanceId { get; } = instanceId;
}
