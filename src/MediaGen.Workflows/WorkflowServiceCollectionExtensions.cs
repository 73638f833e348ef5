using MediaGen.Core.Storage;
using MediaGen.Workflows.Generations;
using MediaGen.Workflows.Pixazo;
using MediaGen.Workflows.Retention;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace MediaGen.Workflows;

/// <summary>Registration of the generation workflows and the job API.</summary>
public static class WorkflowServiceCollectionExtensions
{
    /// <summary>
    /// The application services that drive the engine through a <see cref="Microsoft.DurableTask.Client.DurableTaskClient"/>:
    /// registered by <see cref="AddMediaGenJobServices"/> where the host has a client service, built per invocation over
    /// its bound client where it has not (Functions).
    /// </summary>
    public static IReadOnlyList<Type> OverDurableClient { get; } =
        [typeof(InstanceStarter), typeof(JobStarter), typeof(JobReader), typeof(JobCommands), typeof(PixazoWebhookReceiver), typeof(RetentionPurger), typeof(Overview.JobOverviewReader)];

    /// <summary>Registers <see cref="OverDurableClient"/> as singletons over the host's <c>DurableTaskClient</c> service.</summary>
    public static IServiceCollection AddMediaGenJobServices(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        foreach (var type in OverDurableClient)
        {
            services.TryAddSingleton(type);
        }

        return services;
    }

    /// <summary>
    /// Registers <see cref="JobValidator"/>, the Pixazo webhook and submission
    /// helpers, the generation ledger (a synchronous provider call buys once per job step), the results-queue client and the signed-callback sender (its connections pass the
    /// <see cref="OutboundUrlGuard"/>), the payload JSON (<see cref="WorkflowJson"/>) as the <c>DataConverter</c>; binds
    /// <c>Workflows</c>, <c>Callbacks</c>, <c>Costs</c>, <c>Budgets</c> and <c>Retention</c> (all validated at start-up), and the
    /// <see cref="BudgetLedger"/>; reports the signing keys to readiness (<see cref="ISecretSettingSource"/>). Needs <c>AddMediaGenProviders</c> and
    /// <c>AddMediaStore</c>, and an engine that runs <see cref="WorkflowCatalog"/>'s types and provides the
    /// <c>DurableTaskClient</c> (the standalone engine, Durable Functions, or the in-process test host).
    /// </summary>
    public static IServiceCollection AddMediaGenWorkflows(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<WorkflowOptions>().Bind(configuration.GetSection(WorkflowOptions.SectionName)).ValidateOnStart();
        services.ReserveContainers(sp => [(sp.GetRequiredService<IOptions<WorkflowOptions>>().Value.StateContainer, "Workflows:StateContainer")]);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WorkflowOptions>, WorkflowOptionsValidator>());
        services.AddOptions<CallbackOptions>().Bind(configuration.GetSection(CallbackOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CallbackOptions>, CallbackOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(WorkflowJson.Options);
        services.TryAddSingleton(WorkflowJson.CreateDataConverter());
        services.TryAddSingleton<PixazoWebhooks>();
        services.TryAddSingleton<GenerationLedger>();
        services.AddOptions<CostOptions>().Bind(configuration.GetSection(CostOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CostOptions>, CostOptionsValidator>());
        services.AddOptions<BudgetOptions>().Bind(configuration.GetSection(BudgetOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<BudgetOptions>, BudgetOptionsValidator>());
        services.TryAddSingleton<BudgetLedger>();
        services.TryAddSingleton<JobValidator>();
        services.AddOptions<RetentionOptions>().Bind(configuration.GetSection(RetentionOptions.SectionName)).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<RetentionOptions>, RetentionOptionsValidator>());
        services.TryAddSingleton<JobTombstones>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<ISecretSettingSource, WorkflowSecretSettings>());
        services.TryAddSingleton(_ => StorageAccount.From(configuration).CreateQueueServiceClient());

        // Callback URLs come from callers: connect only where the guard allows, and never follow redirects. No proxy: through
        // one, the connect-time check would judge the proxy's address instead of the callback's (as the media client does).
        services.AddHttpClient<CallbackSender>()
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectCallback = sp.GetRequiredService<OutboundUrlGuard>().ConnectAsync,
                AllowAutoRedirect = false,
                UseProxy = false,
            });
        return services;
    }
}
