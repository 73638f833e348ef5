using MediaGen.Host.Listeners;

namespace MediaGen.Host.Extensions;

/// <summary>The queue and blob listeners (the standalone host's stand-ins for Functions triggers).</summary>
public static class ListenerExtensions
{
    /// <summary>Registers the requests-queue and blob-inbox listeners; binds <c>RequestQueue</c> and <c>BlobInbox</c> (validated at start-up).</summary>
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
        services.AddHostedService<RequestQueueListener>();
        services.AddHostedService<BlobInboxListener>();
        return services;
    }
}
