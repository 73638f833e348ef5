namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>The orchestrators and activities the test worker runs.</summary>
public static class TestWorkflows
{
    /// <summary>Adds them to <paramref name="registry"/> (<see cref="UnregisteredActivity"/> deliberately not).</summary>
    public static void Register(EngineRegistry registry) => registry
        .AddActivity<Double>()
        .AddActivity<Increment>()
        .AddActivity<RecordedStep>()
        .AddActivity<LongActivity>()
        .AddActivity<HostCrashingActivity>()
        .AddOrchestrator<CrashOrchestrator>()
        .AddOrchestrator<CrashChild>()
        .AddOrchestrator<ShareOrchestrator>()
        .AddOrchestrator<LongOrchestrator>()
        .AddOrchestrator<HostCrashingOrchestrator>()
        .AddOrchestrator<UnknownActivityOrchestrator>()
        .AddOrchestrator<OrderOrchestrator>()
        .AddOrchestrator<WebhookOrchestrator>();
}
