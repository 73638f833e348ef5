using Azure.Storage.Blobs;
using MediaGen.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace MediaGen.Core.Media;

/// <summary>Registers the media store.</summary>
public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="MediaStoreOptions"/> from the <c>Media</c> section (validated at start-up) and registers
    /// <see cref="OutboundUrlGuard"/> and <see cref="MediaStore"/> as singletons. Uses the registered
    /// <see cref="BlobServiceClient"/>, or one built from <c>AzureWebJobsStorage</c> when there is none.
    /// </summary>
    public static IServiceCollection AddMediaStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MediaStoreOptions>()
            .Bind(configuration.GetSection(MediaStoreOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediaStoreOptions>, MediaStoreOptionsValidator>());
        services.TryAddSingleton(sp => OutboundUrlGuard.FromOptions(sp.GetRequiredService<IOptions<MediaStoreOptions>>().Value));
        services.TryAddSingleton(sp =>
        {
            var connection = new StorageConnectionOptions();
            configuration.Bind(connection);
            return string.IsNullOrWhiteSpace(connection.ConnectionString)
                ? throw new InvalidOperationException("AzureWebJobsStorage (the storage connection string) is not set; the media store needs it.")
                : new BlobServiceClient(connection.ConnectionString);
        });
        services.TryAddSingleton<MediaStore>();
        return services;
    }
}
