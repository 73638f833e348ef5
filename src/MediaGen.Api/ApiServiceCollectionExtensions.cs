using Azure.Storage.Queues;
using MediaGen.Api.Dashboard;
using MediaGen.Api.Health;
using MediaGen.Api.Jobs;
using MediaGen.Api.Streaming;
using MediaGen.Api.Triggers;
using MediaGen.Core.Media;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaGen.Api;

/// <summary>Registration of the shared HTTP surface, made alike by the standalone host and the Functions app.</summary>
public static class ApiServiceCollectionExtensions
{
    /// <summary>
    /// Binds <c>Api</c>, <c>BlobInbox</c> intake limits and the triggers' queue and container names (<see cref="TriggerNames"/>,
    /// flat settings at the root), validated at start-up, and reserves the inbox container (never a job's output); pins HTTP
    /// JSON to <see cref="HostJson"/>; adds ProblemDetails, <see cref="RequestBody"/>, the dashboard's <see cref="DashboardAssets"/>
    /// and <see cref="MediaPreviewLinks"/>, and the text stream's <see cref="TextStreamSpending"/>.
    /// </summary>
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
        services.AddOptions<TriggerNames>()
            .Bind(configuration)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Media stored in the inbox would start a new job charged to the intake caller.
        services.ReserveContainers(sp =>
            [(sp.GetRequiredService<IOptions<TriggerNames>>().Value.BlobInboxContainerName, nameof(TriggerNames.BlobInboxContainerName))]);
        services.ConfigureHttpJsonOptions(options => HostJson.Configure(options.SerializerOptions));
        services.AddProblemDetails();
        services.AddSingleton<RequestBody>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<MediaPreviewLinks>();
        services.AddSingleton<DashboardAssets>();
        services.AddSingleton<TextStreamSpending>();
        services.AddSingleton<JobWatcher>();
        return services;
    }

    /// <summary>
    /// Binds the API keys (<see cref="ApiKeyOptions"/>: <c>Api__Key</c> for caller <c>default</c>, <c>Api__Keys__&lt;caller&gt;</c>),
    /// validated at start-up by <see cref="ApiKeyOptionsValidator"/> with the roles (<c>Api__AdminCallers</c>,
    /// <c>Api__IntakeCaller</c>), and registers <see cref="ApiKeyRing"/>, <see cref="CallerRoles"/> and the
    /// <see cref="ICallerResolver"/> naming a request's caller by its key (<see cref="ApiKeyCallerResolver"/>).
    /// </summary>
    public static IServiceCollection AddMediaGenApiKeys(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<ApiKeyOptions>()
            .Bind(configuration.GetSection(ApiKeyOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddSingleton<ApiKeyRing>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretSettingSource, ApiKeyRing>(sp => sp.GetRequiredService<ApiKeyRing>()));
        services.AddSingleton<CallerRoles>();
        services.AddSingleton<ICallerResolver, ApiKeyCallerResolver>();
        return services;
    }

    /// <summary>
    /// Registers the health checks behind <see cref="HealthEndpoints"/>: readiness = <see cref="StorageHealthCheck"/>,
    /// <see cref="TaskHubHealthCheck"/> for the hub <paramref name="taskHubName"/> gives (each waits 5 s at most) and
    /// <see cref="SecretsHealthCheck"/> over every registered <see cref="ISecretSettingSource"/>; no liveness check.
    /// </summary>
    public static IServiceCollection AddMediaGenHealthChecks(this IServiceCollection services, Func<IServiceProvider, string> taskHubName)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(taskHubName);
        services.AddHealthChecks()
            .Add(new(StorageHealthCheck.Name, sp => new StorageHealthCheck(sp.GetRequiredService<BlobServiceClient>()),
                HealthStatus.Unhealthy, [HealthEndpoints.ReadyTag], timeout: null))
            .Add(new(TaskHubHealthCheck.Name, sp => new TaskHubHealthCheck(sp.GetRequiredService<QueueServiceClient>(), taskHubName(sp)),
                HealthStatus.Unhealthy, [HealthEndpoints.ReadyTag], timeout: null))
            .Add(new(SecretsHealthCheck.Name, sp => new SecretsHealthCheck(sp.GetServices<ISecretSettingSource>()),
                HealthStatus.Unhealthy, [HealthEndpoints.ReadyTag], timeout: null));
        return services;
    }
}
