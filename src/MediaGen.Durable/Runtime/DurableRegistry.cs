namespace MediaGen.Durable.Runtime;

/// <summary>The orchestrators and activities a worker runs, by name (the class name, so callers use <c>nameof</c>).</summary>
public sealed class DurableRegistry
{
    private readonly Dictionary<string, Type> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registers an orchestrator under its class name (or <paramref name="name"/>).</summary>
    public void AddOrchestrator(Type type, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(ITaskOrchestrator).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{type} is not a concrete {nameof(ITaskOrchestrator)}.", nameof(type));
        }

        _orchestrators[name ?? type.Name] = type;
    }

    /// <summary>Registers an activity under its class name (or <paramref name="name"/>).</summary>
    public void AddActivity(Type type, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!typeof(ITaskActivity).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new ArgumentException($"{type} is not a concrete {nameof(ITaskActivity)}.", nameof(type));
        }

        _activities[name ?? type.Name] = type;
    }

    /// <summary>The orchestrator type registered under <paramref name="name"/>.</summary>
    public Type? FindOrchestrator(string name) => _orchestrators.GetValueOrDefault(name);

    /// <summary>The activity type registered under <paramref name="name"/>.</summary>
    public Type? FindActivity(string name) => _activities.GetValueOrDefault(name);
}
