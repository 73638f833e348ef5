using MediaGen.Core.Media;
using MediaGen.Host.Listeners;
using Microsoft.Extensions.Options;

namespace MediaGen.Host.Extensions;

/// <summary>The queue and blob listeners (the standalone host's stand-ins for Functions triggers).</summary>
public static class ListenerExtensions
{
    /// <summary>
    /// Registers the requests-queue and blob-inbox listeners; binds <c>RequestQueue</c> and <c>BlobInbox</c> (validated at
    /// start-up); the inbox and its processed-records container are never a job's output.
    /// </summary>
    public static IServiceCollection AddMediaGenListeners(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RequestQueueOptions>()
            .Bind(configuration.GetSection(RequestQueueOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<BlobInboxOptions>()
            .Bind(configuration.GetSection(BlobInboxOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.ReserveContainers(sp =>
        {
            var inbox = sp.GetRequiredService<IOptions<BlobInboxOptions>>().Value;
            return [(inbox.ContainerName, "BlobInbox:ContainerName"), (inbox.ProcessedContainerName, "BlobInbox:ProcessedContainerName")];
        });
        services.AddHostedService<RequestQueueListener>();
        services.AddHostedService<BlobInboxListener>();
        return services;
    }
}
