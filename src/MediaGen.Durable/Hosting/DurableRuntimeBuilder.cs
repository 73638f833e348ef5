using MediaGen.Durable.Runtime;

namespace MediaGen.Durable.Hosting;

/// <summary>Registers the orchestrators and activities a worker runs (by class; their name is the class name).</summary>
public sealed class DurableRuntimeBuilder
{
    internal DurableRuntimeBuilder(DurableRegistry registry) => Registry = registry;

    internal DurableRegistry Registry { get; }

    /// <summary>Registers an orchestrator, named <c>nameof(TOrchestrator)</c>.</summary>
    public DurableRuntimeBuilder AddOrchestrator<TOrchestrator>()
        where TOrchestrator : class, ITaskOrchestrator
    {
        Registry.AddOrchestrator(typeof(TOrchestrator));
        return this;
    }

    /// <summary>Registers an orchestrator under an explicit name.</summary>
    public DurableRuntimeBuilder AddOrchestrator(Type orchestratorType, string? name = null)
    {
        Registry.AddOrchestrator(orchestratorType, name);
        return this;
    }

    /// <summary>Registers an activity, named <c>nameof(TActivity)</c>; it is created per invocation with dependencies from DI.</summary>
    public DurableRuntimeBuilder AddActivity<TActivity>()
        where TActivity : class, ITaskActivity
    {
        Registry.AddActivity(typeof(TActivity));
        return this;
    }

    /// <summary>Registers an activity under an explicit name.</summary>
    public DurableRuntimeBuilder AddActivity(Type activityType, string? name = null)
    {
        Registry.AddActivity(activityType, name);
        return this;
    }
}
