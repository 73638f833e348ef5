namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Registers every test orchestrator and activity.</summary>
public static class TestWorkflows
{
    /// <summary>Adds them to <paramref name="registry"/>.</summary>
    public static void Register(EngineRegistry registry) => registry
        .AddActivity<AddOne>()
        .AddActivity<Twice>()
        .AddActivity<ScopeProbe>()
        .AddActivity<FailingActivity>()
        .AddActivity<SlowActivity>()
        .AddActivity<Pause>()
        .AddActivity<StorageProbe>()
        .AddOrchestrator<ChainOrchestrator>()
        .AddOrchestrator<ScopeOrchestrator>()
        .AddOrchestrator<ParentOrchestrator>()
        .AddOrchestrator<ApprovalOrchestrator>()
        .AddOrchestrator<TimerOrchestrator>()
        .AddOrchestrator<CounterOrchestrator>()
        .AddOrchestrator<ProgressOrchestrator>()
        .AddOrchestrator<WaitingOrchestrator>()
        .AddOrchestrator<FailingOrchestrator>()
        .AddOrchestrator<CatchingOrchestrator>()
        .AddOrchestrator<SlowOrchestrator>()
        .AddOrchestrator<ParentProbeOrchestrator>()
        .AddOrchestrator<FamilyOrchestrator>()
        .AddOrchestrator<GatedOrchestrator>()
        .AddOrchestrator<StorageProbeOrchestrator>()
        .AddOrchestrator<GatedParentOrchestrator>();
}
