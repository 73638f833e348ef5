using MediaGen.Core.Storage;

namespace MediaGen.Core.Media;

/// <summary>Registers the media store.</summary>
public static class MediaServiceCollectionExtensions
{
    /// <summary>
    /// Binds <see cref="MediaStoreOptions"/> from the <c>Media</c> section (validated at start-up) and registers
    /// <see cref="OutboundUrlGuard"/> and <see cref="MediaStore"/> as singletons. Uses the registered
    /// <see cref="BlobServiceClient"/>, or one built from <c>AzureWebJobsStorage</c> (either form, <see cref="StorageAccount"/>) when there is none.
    /// </summary>
    public static IServiceCollection AddMediaStore(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<MediaStoreOptions>()
            .Bind(configuration.GetSection(MediaStoreOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<MediaStoreOptions>, MediaStoreOptionsValidator>());
        services.ReserveContainers(_ => PlatformContainers.FunctionsHost.Select(c => (c, "the Functions host's own")));
        services.TryAddSingleton(sp => OutboundUrlGuard.FromOptions(sp.GetRequiredService<IOptions<MediaStoreOptions>>().Value));
        services.TryAddSingleton(_ => StorageAccount.From(configuration).CreateBlobServiceClient());
        services.TryAddSingleton<MediaStore>();
        return services;
    }

    /// <summary>
    /// Reserves containers MediaGen itself uses (<see cref="MediaStoreOptions.Reserve"/>): <paramref name="containers"/>
    /// gives each with the setting that names it. A reserved container is never a job's output, and naming one in
    /// <c>Media:DefaultContainer</c> or <c>Media:AllowedContainers</c> fails start-up.
    /// </summary>
    public static IServiceCollection ReserveContainers(
        this IServiceCollection services, Func<IServiceProvider, IEnumerable<(string Container, string Setting)>> containers)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(containers);
        services.AddOptions<MediaStoreOptions>().Configure<IServiceProvider>((options, sp) =>
        {
            foreach (var (container, setting) in containers(sp))
            {
                if (!string.IsNullOrWhiteSpace(container))
                {
                    options.Reserve(container, setting);
                }
            }
        });
        return services;
    }
}
