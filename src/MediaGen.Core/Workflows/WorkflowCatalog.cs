using MediaGen.Core.Workflows.Activities;
using MediaGen.Core.Workflows.Orchestrations;

namespace MediaGen.Core.Workflows;

/// <summary>
/// The orchestrators and activities a durable worker must register to run MediaGen's workflows (each under its class
/// name). The core does not reference a runtime; hosts register these with theirs, e.g.
/// <c>services.AddDurableRuntime(b => { foreach (var t in WorkflowCatalog.Orchestrators) b.AddOrchestrator(t); foreach (var t in WorkflowCatalog.Activities) b.AddActivity(t); })</c>.
/// </summary>
public static class WorkflowCatalog
{
    /// <summary>Every orchestrator.</summary>
    public static IReadOnlyList<Type> Orchestrators { get; } =
    [
        typeof(SyncGenerationOrchestrator),
        typeof(PixazoGenerationOrchestrator),
        typeof(BatchOrchestrator),
        typeof(BatchChunkOrchestrator),
        typeof(ChainOrchestrator),
    ];

    /// <summary>Every activity.</summary>
    public static IReadOnlyList<Type> Activities { get; } =
    [
        typeof(GenerateActivity),
        typeof(CopyMediaActivity),
        typeof(PixazoSubmitActivity),
        typeof(PixazoPollActivity),
        typeof(PublishResultActivity),
        typeof(SendCallbackActivity),
    ];
}
