namespace MediaGen.Functions.Http;

/// <summary>
/// Builds the job services of one invocation (<see cref="WorkflowServiceCollectionExtensions.OverDurableClient"/>) over
/// its <c>[DurableClient]</c>, with every other dependency from DI: Functions has no <see cref="DurableTaskClient"/>
/// service, as each invocation binds its own.
/// </summary>
public sealed class JobServiceFactory(IServiceProvider services)
{
    /// <summary>A <typeparamref name="T"/> driving Durable Functions through <paramref name="client"/>, as are the job services it depends on.</summary>
    public T Create<T>(DurableTaskClient client)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(client);
        return (T)new ClientBound(services, client).Create(typeof(T));
    }

    /// <summary>The application's services, with <paramref name="client"/> as the client and the job services built over it.</summary>
    private sealed class ClientBound(IServiceProvider root, DurableTaskClient client) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(DurableTaskClient) ? client
            : WorkflowServiceCollectionExtensions.OverDurableClient.Contains(serviceType) ? Create(serviceType)
            : root.GetService(serviceType);

        public object Create(Type type) => ActivatorUtilities.CreateInstance(this, type);
    }
}
