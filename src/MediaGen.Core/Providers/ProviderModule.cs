namespace MediaGen.Core.Providers;

/// <summary>
/// A provider's module: the kinds it generates (one <see cref="ProviderKind"/> each), the unit its costs are counted in,
/// how it says a prompt was refused, and its services (options, typed client, validators, key). Registered by naming it
/// on its <see cref="ProviderName"/> member (<see cref="ProviderModuleAttribute"/>); found through <see cref="ProviderRegistry"/>.
/// </summary>
public abstract class ProviderModule
{
    /// <summary>A module of <paramref name="name"/>, counting its costs in <paramref name="costUnit"/>, generating <paramref name="kinds"/>.</summary>
    protected ProviderModule(ProviderName name, string costUnit, IReadOnlyList<ProviderKind> kinds)
    {
        Name = name;
        CostUnit = costUnit;
        Kinds = kinds;
    }

    /// <summary>The provider.</summary>
    public ProviderName Name { get; }

    /// <summary>The unit its costs are counted in (<see cref="Costs.CostUnits"/>).</summary>
    public string CostUnit { get; }

    /// <summary>The kinds it generates, in the order error messages list them.</summary>
    public IReadOnlyList<ProviderKind> Kinds { get; }

    /// <summary>Whether an error answer (its code and message) is the provider refusing the prompt (<see cref="ProviderErrorType.ContentPolicy"/>).</summary>
    public virtual bool IsContentPolicyRefusal(string? code, string? message) => false;

    /// <summary>Registers its options (bound and checked at start-up), typed client, request validators and key.</summary>
    public abstract void AddServices(IServiceCollection services, IConfiguration configuration);
}
