using DurableTask.Core.Command;
using DurableTask.Core.Middleware;

namespace MediaGen.Engine;

/// <summary>
/// DTFx dispatcher middleware that ends work the Azure Storage backend would otherwise retry forever, failing it with a
/// readable reason instead: an activity message delivered more than <see cref="DurableEngineOptions.MaxActivityDeliveryCount"/>
/// times (its earlier deliveries died with their process, so running it again would most likely crash this one too),
/// and an activity or orchestrator name no class is registered for (DTFx abandons those messages with a backoff of up to
/// 10 minutes and retries them indefinitely; Durable Functions fails them, and so does this).
/// </summary>
internal sealed partial class PoisonMessageGuard(
    GuardedOrchestrationService service, int maxActivityDeliveryCount, ILogger<PoisonMessageGuard> logger)
{
    /// <summary>The <see cref="FailureDetails.ErrorType"/> of every failure this guard produces.</summary>
    internal const string ErrorType = "MediaGen.Engine.PoisonMessage";

    /// <summary>
    /// Activity dispatcher middleware: fails unregistered or too-often-delivered activities without running them, and
    /// starts the others only once the episode that scheduled them is saved, if this process is saving it (see
    /// <see cref="GuardedOrchestrationService"/>).
    /// </summary>
    public async Task GuardActivityAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        var scheduled = context.GetProperty<TaskScheduledEvent>();
        var instance = context.GetProperty<OrchestrationInstance>();
        if (context.GetProperty<TaskActivity>() is null)
        {
            LogUnknownActivity(scheduled.Name, instance.InstanceId);
            FailActivity(context, scheduled, $"No activity named '{scheduled.Name}' is registered with this worker.");
            return;
        }

        if (context.GetProperty<WorkItemMetadata>()?.DeliveryAttempt is { } attempt && attempt > maxActivityDeliveryCount)
        {
            var previous = attempt - 1;
            LogPoisonActivity(scheduled.Name, instance.InstanceId, previous);
            FailActivity(context, scheduled,
                $"Activity '{scheduled.Name}' was not run again: its message was delivered {previous} times without completing " +
                $"(each time its process stopped while running it, e.g. it crashed the host), which reaches DurableTask:MaxActivityDeliveryCount ({maxActivityDeliveryCount}).");
            return;
        }

        await service.WaitForCheckpointAsync(instance.InstanceId).ConfigureAwait(false);
        await next().ConfigureAwait(false);
    }

    /// <summary>Orchestration dispatcher middleware: fails an instance whose orchestrator name no class is registered for.</summary>
    public Task GuardOrchestrationAsync(DispatchMiddlewareContext context, Func<Task> next)
    {
        if (context.GetProperty<TaskOrchestration>() is not null || context.GetProperty<OrchestratorExecutionResult>() is not null)
        {
            return next();
        }

        var state = context.GetProperty<OrchestrationRuntimeState>();
        LogUnknownOrchestrator(state.Name, state.OrchestrationInstance?.InstanceId);
        var message = $"No orchestrator named '{state.Name}' is registered with this worker.";
        context.SetProperty(new OrchestratorExecutionResult
        {
            Actions =
            [
                new OrchestrationCompleteOrchestratorAction
                {
                    OrchestrationStatus = OrchestrationStatus.Failed,
                    Result = message,
                    FailureDetails = new FailureDetails(ErrorType, message, stackTrace: null, innerFailure: null, isNonRetriable: true),
                },
            ],
        });
        return Task.CompletedTask;
    }

    private static void FailActivity(DispatchMiddlewareContext context, TaskScheduledEvent scheduled, string message) =>
        context.SetProperty(new ActivityExecutionResult
        {
            ResponseEvent = new TaskFailedEvent(-1, scheduled.EventId, message, details: null,
                new FailureDetails(ErrorType, message, stackTrace: null, innerFailure: null, isNonRetriable: true)),
        });

    [LoggerMessage(Level = LogLevel.Error, Message = "Activity {ActivityName} of instance {InstanceId} is failed without running: its message was delivered {Deliveries} times without completing (poison message)")]
    private partial void LogPoisonActivity(string? activityName, string instanceId, long deliveries);

    [LoggerMessage(Level = LogLevel.Error, Message = "Activity {ActivityName} of instance {InstanceId} is failed: no activity of that name is registered")]
    private partial void LogUnknownActivity(string? activityName, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Instance {InstanceId} is failed: no orchestrator named {OrchestratorName} is registered")]
    private partial void LogUnknownOrchestrator(string orchestratorName, string? instanceId);
}
