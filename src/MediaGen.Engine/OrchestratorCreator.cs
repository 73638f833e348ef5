namespace MediaGen.Engine;

/// <summary>
/// Gives DTFx a fresh shimmed orchestrator for every episode: the class is built with its constructor
/// dependencies from the root provider (orchestrators must not hold scoped or I/O services).
/// </summary>
internal sealed class OrchestratorCreator : ObjectCreator<TaskOrchestration>
{
    private readonly Type _type;
    private readonly IServiceProvider _services;
    private readonly DurableTaskShimFactory _shims;

    public OrchestratorCreator(string name, Type type, IServiceProvider services, DurableTaskShimFactory shims)
    {
        Name = name;
        Version = string.Empty;
        _type = type;
        _services = services;
        _shims = shims;
    }

    public override TaskOrchestration Create() =>
        new ShimmedOrchestration(Name, (ITaskOrchestrator)ActivatorUtilities.CreateInstance(_services, _type), _shims);
}
