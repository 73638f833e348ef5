using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MediaGen.Core.Storage;

/// <summary>Registers the storage account's clients, alike in the standalone host and the Functions app.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageConnectionOptions"/> (validated at start-up) and registers a <see cref="BlobServiceClient"/>
    /// and a <see cref="QueueServiceClient"/> (plain-text messages, as host.json's <c>messageEncoding: none</c>) on it.
    /// </summary>
    public static IServiceCollection AddMediaGenStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageConnectionOptions>()
            .Bind(configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton(sp =>
            new BlobServiceClient(sp.GetRequiredService<IOptions<StorageConnectionOptions>>().Value.ConnectionString));
        services.TryAddSingleton(sp => new QueueServiceClient(
            sp.GetRequiredService<IOptions<StorageConnectionOptions>>().Value.ConnectionString,
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }));
        return services;
    }
}
