namespace MediaGen.Workflows;

/// <summary>
/// The orchestrators and activities an engine must register to run MediaGen's workflows, each under its class name:
/// the standalone engine (<c>AddDurableEngine</c>), the in-process test host (<c>DurableTaskRegistry</c>), and the
/// Functions app's one-line orchestration and activity functions, which a test checks against this list.
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
        typeof(FailoverOrchestrator),
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
        typeof(SettleBudgetActivity),
    ];
}
