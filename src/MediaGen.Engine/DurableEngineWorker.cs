using Azure;
using DurableTask.AzureStorage;
using DurableTask.Core;
using DurableTask.Core.Middleware;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaGen.Engine;

/// <summary>
/// Runs the registered orchestrators and activities on a DTFx <see cref="TaskHubWorker"/> over the shared
/// <see cref="AzureStorageOrchestrationService"/>: creates the task hub if missing, starts in
/// <see cref="StartAsync"/> and stops gracefully (in-flight work items finish, partition leases are released)
/// in <see cref="StopAsync"/>.
/// </summary>
public sealed partial class DurableEngineWorker : IHostedService, IDisposable
{
    private readonly AzureStorageOrchestrationService _service;
    private readonly EngineRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private TaskHubWorker? _worker;

    /// <summary>Creates the worker; nothing runs until <see cref="StartAsync"/>.</summary>
    public DurableEngineWorker(
        AzureStorageOrchestrationService service, EngineRegistry registry, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        _service = service;
        _registry = registry;
        _services = services;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DurableEngineWorker>();
    }

    /// <inheritdoc />
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var dataConverter = _services.GetService<DataConverter>() ?? throw new InvalidOperationException(
            $"No {typeof(DataConverter).FullName} is registered: register the app's converter as a singleton before the engine starts.");
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = dataConverter }, _loggerFactory);
        var scopes = _services.GetRequiredService<IServiceScopeFactory>();

        await _service.CreateIfNotExistsAsync().WaitAsync(cancellationToken);

        var worker = new TaskHubWorker(_service, _loggerFactory)
        {
            // Failures travel as FailureDetails (type, message, stack, inner), as in the Durable Functions isolated worker.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        worker.AddOrchestrationDispatcherMiddleware(AttachParentAsync);
        worker.AddTaskOrchestrations(_registry.Orchestrators
            .Select(o => (ObjectCreator<TaskOrchestration>)new OrchestratorCreator(o.Key, o.Value, _services, shims)).ToArray());
        worker.AddTaskActivities(_registry.Activities
            .Select(a => (ObjectCreator<TaskActivity>)new ActivityCreator(a.Key, a.Value, scopes, shims)).ToArray());

        // Kept before it starts, so a start abandoned by the token is still stopped by StopAsync.
        _worker = worker;
        await worker.StartAsync().WaitAsync(cancellationToken);
        LogStarted(_registry.Orchestrators.Count, _registry.Activities.Count);
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is not { } worker)
        {
            return;
        }

        _worker = null;
        try
        {
            await worker.StopAsync(isForced: cancellationToken.IsCancellationRequested).WaitAsync(cancellationToken);
            LogStopped();
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Another worker takes over once the leases and message visibility timeouts of this one expire.
            LogStopAbandoned();
        }
        catch (Exception e) when (e is RequestFailedException or HttpRequestException or IOException or AggregateException)
        {
            // Storage went away first (e.g. Azurite stopped before the host): nothing is left to release.
            LogStopFailed(e);
        }
        finally
        {
            worker.Dispose();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _worker?.Dispose();

    // Gives the orchestration its parent before it runs, so TaskOrchestrationContext.Parent is set in sub-orchestrations.
    private static Task AttachParentAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        if (context.GetProperty<TaskOrchestration>() is ShimmedOrchestration orchestration)
        {
            orchestration.Attach(context.GetProperty<OrchestrationRuntimeState>()?.ParentInstance);
        }

        return next();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task engine worker started with {OrchestratorCount} orchestrators and {ActivityCount} activities")]
    private partial void LogStarted(int orchestratorCount, int activityCount);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task engine worker stopped")]
    private partial void LogStopped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Durable Task engine worker did not stop in time; its work resumes elsewhere once its leases expire")]
    private partial void LogStopAbandoned();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Durable Task engine worker could not stop cleanly because storage is unavailable")]
    private partial void LogStopFailed(Exception exception);
}
