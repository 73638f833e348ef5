using MediaGen.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Functions.Http;

/// <summary>
/// Builds the job services of one invocation over its <c>[DurableClient]</c>, with every other dependency from DI
/// (Functions has no <see cref="DurableTaskClient"/> service: each invocation binds its own).
/// </summary>
public sealed class JobServiceFactory(IServiceProvider services)
{
    /// <summary>The job service driving Durable Functions through <paramref name="client"/>.</summary>
    public JobService Create(DurableTaskClient client) => Create<JobService>(client);

    /// <summary>A service of <see cref="WorkflowServiceCollectionExtensions.OverDurableClient"/> driving Durable Functions through <paramref name="client"/>.</summary>
    public T Create<T>(DurableTaskClient client)
        where T : class => ActivatorUtilities.CreateInstance<T>(services, client);
}
