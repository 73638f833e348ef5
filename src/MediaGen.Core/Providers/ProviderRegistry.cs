using System.Collections.Frozen;
using System.Reflection;

namespace MediaGen.Core.Providers;

/// <summary>
/// The registered providers and the kinds they generate: the modules named on the <see cref="ProviderName"/> members
/// (<see cref="ProviderModuleAttribute"/>), in the enum's order. Everything outside a provider's folder that depends on
/// the (provider, kind) pair asks here.
/// </summary>
public static class ProviderRegistry
{
    // Initialized in this order: the lookups are built from the discovered modules.
    private static readonly ProviderModule[] All = Discover();

    private static readonly FrozenDictionary<(ProviderName, JobKind), ProviderKind> KindsByPair =
        All.SelectMany(m => m.Kinds).ToFrozenDictionary(k => (k.Provider, k.Kind));

    private static readonly FrozenDictionary<ProviderName, ProviderModule> ModulesByName = All.ToFrozenDictionary(m => m.Name);

    /// <summary>Every provider's module, in the order of <see cref="ProviderName"/>.</summary>
    public static IReadOnlyList<ProviderModule> Modules => All;

    /// <summary>The module of <paramref name="provider"/>.</summary>
    public static ProviderModule Module(ProviderName provider) => ModulesByName[provider];

    /// <summary>What <paramref name="provider"/> knows about <paramref name="kind"/>, or null when it does not generate it.</summary>
    public static ProviderKind? Find(ProviderName provider, JobKind kind) => KindsByPair.GetValueOrDefault((provider, kind));

    /// <summary>What <paramref name="provider"/> knows about <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException">The provider does not generate the kind (requests are validated before this is asked).</exception>
    public static ProviderKind Get(ProviderName provider, JobKind kind) =>
        Find(provider, kind) ?? throw new ArgumentException($"{WireNames.Of(provider)} does not generate {WireNames.Of(kind)}.", nameof(kind));

    /// <summary>What the provider of <paramref name="request"/> knows about its kind.</summary>
    public static ProviderKind Of(JobRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return Get(request.Provider, request.Kind);
    }

    private static ProviderModule[] Discover()
    {
        var modules = new List<ProviderModule>();
        foreach (var field in typeof(ProviderName).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            var name = (ProviderName)field.GetValue(null)!;
            var type = field.GetCustomAttribute<ProviderModuleAttribute>()?.ModuleType
                ?? throw new InvalidOperationException($"ProviderName.{name} names no module ([ProviderModule(typeof(…))]).");
            var module = (ProviderModule)Activator.CreateInstance(type)!;
            if (module.Name != name || module.Kinds.Any(k => k.Provider != name))
            {
                throw new InvalidOperationException($"{type.Name} is not the module of ProviderName.{name}.");
            }

            modules.Add(module);
        }

        return [.. modules];
    }
}
