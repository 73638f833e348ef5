namespace MediaGen.Engine;

/// <summary>
/// One episode's orchestration for DTFx: builds the Microsoft.DurableTask shim on first use, once
/// <see cref="Attach"/> has told it the running instance's parent (DTFx creates orchestration objects before it
/// says which instance they run, so the parent arrives through dispatcher middleware).
/// </summary>
internal sealed class ShimmedOrchestration(string name, ITaskOrchestrator orchestrator, DurableTaskShimFactory shims) : TaskOrchestration
{
    private ParentOrchestrationInstance? _parent;
    private TaskOrchestration? _shim;

    private TaskOrchestration Shim => _shim ??= shims.CreateOrchestration(new TaskName(name), orchestrator, _parent);

    /// <summary>Records the parent of the instance this object runs (sub-orchestrations only).</summary>
    public void Attach(ParentInstance? parent)
    {
        if (_shim is null && parent?.OrchestrationInstance is { } instance)
        {
            _parent = new ParentOrchestrationInstance(new TaskName(parent.Name), instance.InstanceId);
        }
    }

    public override Task<string?> Execute(OrchestrationContext context, string input) => Shim.Execute(context, input);

    public override string? GetStatus() => Shim.GetStatus();

    public override void RaiseEvent(OrchestrationContext context, string name, string input) => Shim.RaiseEvent(context, name, input);
}
