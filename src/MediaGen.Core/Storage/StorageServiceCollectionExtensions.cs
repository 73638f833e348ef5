using Azure.Storage.Queues;

namespace MediaGen.Core.Storage;

/// <summary>Registers the storage account's clients, alike in the standalone host and the Functions app.</summary>
public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="StorageConnectionOptions"/> (validated at start-up: a connection string or an identity-based
    /// connection, <see cref="StorageAccount"/>) and registers the <see cref="StorageAccount"/>, a <see cref="BlobServiceClient"/>
    /// and a <see cref="QueueServiceClient"/> (plain-text messages, as host.json's <c>messageEncoding: none</c>) on it.
    /// </summary>
    public static IServiceCollection AddMediaGenStorage(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<StorageConnectionOptions>()
            .Bind(configuration)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<StorageConnectionOptions>>(new StorageConnectionOptionsValidator(configuration)));
        services.TryAddSingleton(sp =>
        {
            // Resolving the options runs the validator: a missing or incomplete connection fails naming the setting.
            _ = sp.GetRequiredService<IOptions<StorageConnectionOptions>>().Value;
            return StorageAccount.From(configuration);
        });
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageAccount>().CreateBlobServiceClient());
        services.TryAddSingleton(sp => sp.GetRequiredService<StorageAccount>().CreateQueueServiceClient(
            new QueueClientOptions { MessageEncoding = QueueMessageEncoding.None }));
        return services;
    }
}
