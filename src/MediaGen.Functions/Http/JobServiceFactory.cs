using MediaGen.Workflows;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Functions.Http;

/// <summary>Builds the job service of one invocation over its <c>[DurableClient]</c>, with every other dependency from DI.</summary>
public sealed class JobServiceFactory(IServiceProvider services)
{
    /// <summary>The job service driving Durable Functions through <paramref name="client"/>.</summary>
    public JobService Create(DurableTaskClient client) => ActivatorUtilities.CreateInstance<JobService>(services, client);
}
