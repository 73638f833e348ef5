using System.Reflection;

namespace MediaGen.Engine;

/// <summary>
/// The orchestrators and activities the engine's worker runs, by name. A name is the one given, else the
/// <see cref="DurableTaskAttribute"/> name on the class, else the class name (what <c>nameof</c> gives callers).
/// </summary>
public sealed class EngineRegistry
{
    private readonly Dictionary<string, Type> _orchestrators = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Type> _activities = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Registered orchestrator types by name.</summary>
    public IReadOnlyDictionary<string, Type> Orchestrators => _orchestrators;

    /// <summary>Registered activity types by name.</summary>
    public IReadOnlyDictionary<string, Type> Activities => _activities;

    /// <summary>Registers an orchestrator class under its name.</summary>
    public EngineRegistry AddOrchestrator<TOrchestrator>()
        where TOrchestrator : class, ITaskOrchestrator => AddOrchestrator(typeof(TOrchestrator));

    /// <summary>Registers an orchestrator class (an <see cref="ITaskOrchestrator"/>), under <paramref name="name"/> or its own name.</summary>
    public EngineRegistry AddOrchestrator(Type type, string? name = null)
    {
        Add(_orchestrators, typeof(ITaskOrchestrator), type, name, "orchestrator");
        return this;
    }

    /// <summary>Registers an activity class under its name.</summary>
    public EngineRegistry AddActivity<TActivity>()
        where TActivity : class, ITaskActivity => AddActivity(typeof(TActivity));

    /// <summary>Registers an activity class (an <see cref="ITaskActivity"/>), under <paramref name="name"/> or its own name.</summary>
    public EngineRegistry AddActivity(Type type, string? name = null)
    {
        Add(_activities, typeof(ITaskActivity), type, name, "activity");
        return this;
    }

    private static void Add(Dictionary<string, Type> names, Type contract, Type type, string? name, string kind)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!type.IsClass || type.IsAbstract || type.ContainsGenericParameters || !contract.IsAssignableFrom(type))
        {
            throw new ArgumentException($"{type.FullName} is not a concrete {contract.FullName} class, so it cannot be registered as an {kind}.", nameof(type));
        }

        name ??= type.GetCustomAttribute<DurableTaskAttribute>()?.Name.Name is { Length: > 0 } attributeName ? attributeName : type.Name;
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException($"The {kind} name must not be empty.", nameof(name));
        }

        if (names.TryGetValue(name, out var existing) && existing != type)
        {
            throw new ArgumentException($"The {kind} name '{name}' is already registered for {existing.FullName}.", nameof(name));
        }

        names[name] = type;
    }
}
