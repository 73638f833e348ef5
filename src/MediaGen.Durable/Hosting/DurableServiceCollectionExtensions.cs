using MediaGen.Durable.Client;
using MediaGen.Durable.Runtime;
using MediaGen.Durable.Storage;
using MediaGen.Durable.Storage.Azure;
using MediaGen.Durable.Storage.InMemory;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace MediaGen.Durable.Hosting;

/// <summary>Registration of MediaGen's durable runtime.</summary>
public static class DurableServiceCollectionExtensions
{
    /// <summary>
    /// Adds the durable runtime: the worker (a hosted service), the client (<see cref="DurableTaskClient"/>)
    /// and the orchestrators and activities <paramref name="configure"/> registers. Settings are bound from
    /// the <c>Durable</c> section and validated at start-up. To share storage between hosts (tests), register
    /// an <see cref="IDurableStorage"/> first.
    /// </summary>
    public static IServiceCollection AddDurableRuntime(
        this IServiceCollection services,
        Action<DurableRuntimeBuilder> configure,
        Action<DurableRuntimeOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(configure);
        AddDurableClient(services, configureOptions);
        var registry = new DurableRegistry();
        configure(new DurableRuntimeBuilder(registry));
        services.AddSingleton(registry);
        services.TryAddSingleton(sp => new EpisodeProcessor(
            name => registry.FindOrchestrator(name) is { } type ? (ITaskOrchestrator)ActivatorUtilities.CreateInstance(sp, type) : null,
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance,
            sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new WorkerServices(
            sp.GetRequiredService<TaskHub>(),
            sp.GetRequiredService<InstanceStore>(),
            sp.GetRequiredService<MessageCodec>(),
            sp.GetRequiredService<EpisodeProcessor>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILoggerFactory>() ?? NullLoggerFactory.Instance));
        services.TryAddSingleton(sp => new DurableWorker(sp.GetRequiredService<WorkerServices>(), registry, sp));
        services.AddHostedService(sp => sp.GetRequiredService<DurableWorker>());
        return services;
    }

    /// <summary>Adds only the client (<see cref="DurableTaskClient"/>), for processes that start and query instances but run none.</summary>
    public static IServiceCollection AddDurableClient(this IServiceCollection services, Action<DurableRuntimeOptions>? configureOptions = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<DurableRuntimeOptions>().BindConfiguration(DurableRuntimeOptions.SectionName).ValidateOnStart();
        if (configureOptions is not null)
        {
            options.Configure(configureOptions);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<DurableRuntimeOptions>, DurableRuntimeOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IDurableStorage>(sp => CreateStorage(sp));
        services.TryAddSingleton(sp => new TaskHub(sp.GetRequiredService<IDurableStorage>(), sp.GetRequiredService<IOptions<DurableRuntimeOptions>>().Value));
        services.TryAddSingleton(sp => new InstanceStore(sp.GetRequiredService<TaskHub>()));
        services.TryAddSingleton(sp => new MessageCodec(sp.GetRequiredService<TaskHub>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton(sp => new DurableRuntimeClient(
            sp.GetRequiredService<TaskHub>(), sp.GetRequiredService<InstanceStore>(), sp.GetRequiredService<MessageCodec>(), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<DurableTaskClient>(sp => sp.GetRequiredService<DurableRuntimeClient>());
        return services;
    }

    private static IDurableStorage CreateStorage(IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<DurableRuntimeOptions>>().Value;
        if (options.Backend == DurableBackend.InMemory)
        {
            return new InMemoryDurableStorage(services.GetRequiredService<TimeProvider>());
        }

        var configuration = services.GetRequiredService<IConfiguration>();
        var connectionString = configuration[options.ConnectionName] ?? configuration.GetConnectionString(options.ConnectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new OptionsValidationException(
                DurableRuntimeOptions.SectionName,
                typeof(DurableRuntimeOptions),
                [$"The storage connection setting '{options.ConnectionName}' (Durable:ConnectionName) is not set."]);
        }

        return new AzureDurableStorage(connectionString);
    }
}
