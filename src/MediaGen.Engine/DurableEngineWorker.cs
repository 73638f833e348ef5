using Azure;
using DurableTask.Core.Middleware;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MediaGen.Engine;

/// <summary>
/// Runs the registered orchestrators and activities on a DTFx <see cref="TaskHubWorker"/> over the shared
/// <see cref="AzureStorageOrchestrationService"/>: creates the task hub if missing and starts in the background, so the
/// host comes up (and its health check answers 503) while storage is unreachable, retrying with backoff until it can;
/// stops gracefully (in-flight work items finish, partition leases are released) in <see cref="StopAsync"/>, or, with
/// <see cref="DurableEngineOptions.GracefulStop"/> off, without DTFx's wait for idle queue fetches (leases released at once,
/// running work items still finish).
/// </summary>
public sealed partial class DurableEngineWorker : IHostedService, IDisposable
{
    private readonly AzureStorageOrchestrationService _service;
    private readonly EngineRegistry _registry;
    private readonly IServiceProvider _services;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly DurableEngineOptions _options;
    private readonly CancellationTokenSource _stopping = new();
    private DataConverter? _dataConverter;
    private int _disposed;
    private int _running;
    private TaskHubWorker? _worker;
    private Task? _starting;

    /// <summary>Creates the worker; nothing runs until <see cref="StartAsync"/>.</summary>
    public DurableEngineWorker(
        AzureStorageOrchestrationService service, EngineRegistry registry, IServiceProvider services, ILoggerFactory loggerFactory)
    {
        _service = service;
        _registry = registry;
        _services = services;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<DurableEngineWorker>();
        // Read now, not while stopping: a test host disposed right after its start may have disposed its services by then.
        _options = services.GetRequiredService<IOptions<DurableEngineOptions>>().Value;
    }

    /// <summary>Whether the worker is running (the task hub exists and its partitions are being acquired).</summary>
    public bool IsStarted => Volatile.Read(ref _worker) is not null;

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken)
    {
        // Fail fast on wiring mistakes; storage problems are retried in the background.
        _dataConverter = _services.GetService<DataConverter>() ?? throw new InvalidOperationException(
            $"No {typeof(DataConverter).FullName} is registered: register the app's converter as a singleton before the engine starts.");
        _starting = StartWithRetriesAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // A host whose start failed can dispose its services before it is stopped: nothing is left to stop then.
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_starting is not null)
        {
            await _starting.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_worker is not { } worker)
        {
            return;
        }

        _worker = null;
        try
        {
            var graceful = _options.GracefulStop;
            await worker.StopAsync(isForced: !graceful || cancellationToken.IsCancellationRequested).WaitAsync(cancellationToken);
            if (!graceful)
            {
                await WaitForRunningWorkItemsAsync(cancellationToken).ConfigureAwait(false);
            }

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
    public void Dispose()
    {
        Volatile.Write(ref _disposed, 1);
        _worker?.Dispose();
        _stopping.Dispose();
    }

    private async Task StartWithRetriesAsync(CancellationToken stopping)
    {
        var delay = TimeSpan.FromSeconds(1);
        for (var attempt = 1; !stopping.IsCancellationRequested; attempt++)
        {
            try
            {
                await StartWorkerAsync(stopping).ConfigureAwait(false);
                return;
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (ObjectDisposedException) when (stopping.IsCancellationRequested || Volatile.Read(ref _disposed) != 0)
            {
                // The host stopped (and disposed its services) while the task hub was still being created.
                return;
            }
            catch (Exception e) when (e is RequestFailedException or HttpRequestException or IOException or AggregateException or TimeoutException)
            {
                LogStartFailed(e, attempt, delay);
            }

            try
            {
                await Task.Delay(delay, stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private async Task StartWorkerAsync(CancellationToken cancellationToken)
    {
        var dataConverter = _dataConverter ?? throw new InvalidOperationException("The worker starts only through StartAsync, which resolves the converter.");
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = dataConverter }, _loggerFactory);
        var scopes = _services.GetRequiredService<IServiceScopeFactory>();

        await _service.CreateIfNotExistsAsync().WaitAsync(cancellationToken).ConfigureAwait(false);

        var outageGate = new ActivityOutageGate();
        var service = new GuardedOrchestrationService(_service, _service, outageGate, _loggerFactory.CreateLogger<GuardedOrchestrationService>());
        var worker = new TaskHubWorker(service, _loggerFactory)
        {
            // Failures travel as FailureDetails (type, message, stack, inner), as in the Durable Functions isolated worker.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        worker.AddOrchestrationDispatcherMiddleware(CountRunningAsync);
        worker.AddActivityDispatcherMiddleware(CountRunningAsync);
        worker.AddOrchestrationDispatcherMiddleware(AttachParentAsync);
        var guard = new PoisonMessageGuard(
            service, _options.MaxActivityDeliveryCount,
            _loggerFactory.CreateLogger<PoisonMessageGuard>());
        worker.AddActivityDispatcherMiddleware(guard.GuardActivityAsync);
        worker.AddOrchestrationDispatcherMiddleware(guard.GuardOrchestrationAsync);
        worker.AddTaskOrchestrations(_registry.Orchestrators
            .Select(o => (ObjectCreator<TaskOrchestration>)new OrchestratorCreator(o.Key, o.Value, _services, shims)).ToArray());
        var activityLogger = _loggerFactory.CreateLogger<ScopedActivity>();
        worker.AddTaskActivities(_registry.Activities
            .Select(a => (ObjectCreator<TaskActivity>)new ActivityCreator(a.Key, a.Value, scopes, shims, outageGate, activityLogger)).ToArray());

        try
        {
            await worker.StartAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            worker.Dispose();
            throw;
        }

        Volatile.Write(ref _worker, worker);
        LogStarted(_registry.Orchestrators.Count, _registry.Activities.Count);
    }

    // Counts the work items running in this process, so a stop without DTFx's graceful wait still lets them finish.
    private async Task CountRunningAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        Interlocked.Increment(ref _running);
        try
        {
            await next().ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    // After a stop that did not wait (GracefulStop off): the work items already running finish before the host's services
    // go away, for at most as long as DTFx's graceful stop would wait for them (8 s).
    private async Task WaitForRunningWorkItemsAsync(CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(8);
        while (Volatile.Read(ref _running) > 0 && DateTime.UtcNow < deadline && !cancellationToken.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), CancellationToken.None).ConfigureAwait(false);
        }
    }

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Durable Task engine worker could not start (attempt {Attempt}; storage unreachable?); retrying in {Delay}")]
    private partial void LogStartFailed(Exception exception, int attempt, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Information, Message = "Durable Task engine worker stopped")]
    private partial void LogStopped();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Durable Task engine worker did not stop in time; its work resumes elsewhere once its leases expire")]
    private partial void LogStopAbandoned();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Durable Task engine worker could not stop cleanly because storage is unavailable")]
    private partial void LogStopFailed(Exception exception);
}
