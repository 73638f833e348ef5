using Microsoft.Azure.WebJobs.Host;

namespace MediaGen.StandInHost.Indexing;

/// <summary>Creates the generated functions' instance from the host's services (its <see cref="FunctionBridge"/>).</summary>
public sealed class ServiceProviderJobActivator(IServiceProvider services) : IJobActivator
{
    /// <inheritdoc />
    public T CreateInstance<T>() => ActivatorUtilities.CreateInstance<T>(services);
}
