namespace MediaGen.StandInHost.Worker;

/// <summary>Registers the worker side of the stand-in host.</summary>
public static class WorkerServiceCollectionExtensions
{
    /// <summary>
    /// Adds <see cref="FunctionsWorkerOptions"/> (validated on start), one <see cref="WorkerSupervisor"/>, and it as the
    /// <see cref="IWorkerInvoker"/>. The caller starts it (<see cref="WorkerSupervisor.StartAsync"/>) before the functions it
    /// indexes are registered with the WebJobs host.
    /// </summary>
    public static IServiceCollection AddFunctionsWorker(this IServiceCollection services, Action<FunctionsWorkerOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<FunctionsWorkerOptions>().Configure(configure).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<WorkerSupervisor>();
        services.AddSingleton<IWorkerInvoker>(provider => provider.GetRequiredService<WorkerSupervisor>());
        return services;
    }
}
