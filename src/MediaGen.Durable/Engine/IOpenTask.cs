namespace MediaGen.Durable.Engine;

/// <summary>An awaited activity or sub-orchestration, whatever its result type.</summary>
internal interface IOpenTask
{
    void Complete(string? result);

    void Fail(TaskFailureDetails failure);
}
