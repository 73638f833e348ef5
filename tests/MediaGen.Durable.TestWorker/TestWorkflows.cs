using MediaGen.Durable.Hosting;

namespace MediaGen.Durable.TestWorker;

/// <summary>The orchestrations and activities the multi-process tests run.</summary>
public static class TestWorkflows
{
    /// <summary>The event <see cref="CrashWorkflow"/> waits for.</summary>
    public const string BumpEvent = "bump";

    /// <summary>Registers everything in this assembly.</summary>
    public static void Register(DurableRuntimeBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddOrchestrator<CrashWorkflow>().AddOrchestrator<CrashChild>().AddOrchestrator<WhoRunsMe>()
            .AddActivity<Double>().AddActivity<Increment>().AddActivity<ProcessIdActivity>();
    }

    /// <summary>What <see cref="CrashWorkflow"/> returns for input <paramref name="n"/> and bump <paramref name="bump"/>.</summary>
    public static int ExpectedCrashOutput(int n, int bump) => 2 * ((2 * n) + bump + 1);
}
