using MediaGen.Core.Media;
using MediaGen.Host.Listeners;

namespace MediaGen.Host.Extensions;

/// <summary>The queue and blob listeners (the standalone host's stand-ins for Functions triggers).</summary>
public static class ListenerExtensions
{
    /// <summary>
    /// Registers the requests-queue and blob-inbox listeners; binds <c>RequestQueue</c> and <c>BlobInbox</c> (validated at
    /// start-up); honours the older sectioned names of <see cref="TriggerNames"/> (<see cref="SectionedTriggerNames"/>); the
    /// processed-records container is never a job's output (the inbox itself is reserved by the shared API registration).
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
        var sectioned = new SectionedTriggerNames(configuration);
        services.AddSingleton<IPostConfigureOptions<TriggerNames>>(sectioned);
        services.AddSingleton<IValidateOptions<TriggerNames>>(sectioned);
        services.ReserveContainers(sp =>
            [(sp.GetRequiredService<IOptions<BlobInboxOptions>>().Value.ProcessedContainerName, "BlobInbox:ProcessedContainerName")]);
        services.AddHostedService<RequestQueueListener>();
        services.AddHostedService<BlobInboxListener>();
        return services;
    }
}
