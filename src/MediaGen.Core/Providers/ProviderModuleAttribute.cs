namespace MediaGen.Core.Providers;

/// <summary>Names the <see cref="ProviderModule"/> of a <see cref="ProviderName"/> member: the one line that registers a provider.</summary>
/// <param name="moduleType">A <see cref="ProviderModule"/> with a public parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Field)]
public sealed class ProviderModuleAttribute(Type moduleType) : Attribute
{
    /// <summary>The module's type.</summary>
    public Type ModuleType { get; } = moduleType;
}
