using MediaGen.Api.Triggers;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Api;

/// <summary>Registration of the shared HTTP surface, made alike by the standalone host and the Functions app.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>Binds <c>Api</c> and <c>BlobInbox</c> intake limits (validated at start-up); pins HTTP JSON to <see cref="HostJson"/>; adds ProblemDetails and <see cref="RequestBody"/>.</summary>
    public static IServiceCollection AddMediaGenSharedApi(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiOptions>()
            .Bind(configuration.GetSection(ApiOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<InboxJobSettings>()
            .Bind(configuration.GetSection(InboxJobSettings.ConfigurationSection))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.ConfigureHttpJsonOptions(options => HostJson.Configure(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddSingleton<RequestBody>();
        return services;
    }
}
