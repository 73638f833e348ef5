using MediaGen.Durable.Client;
using MediaGen.Durable.History;
using Microsoft.Extensions.Logging;

namespace MediaGen.Durable.Engine;

/// <summary>
/// Replays an orchestrator against its history, then applies the new events, and reports what the
/// code did: new actions, completion, custom status. Pure: no I/O, same input, same outcome.
/// </summary>
internal static class OrchestrationExecutor
{
    public static ExecutionOutcome Execute(
        ITaskOrchestrator orchestrator,
        string instanceId,
        IReadOnlyList<HistoryEvent> past,
        IReadOnlyList<HistoryEvent> newEvents,
        ILoggerFactory loggerFactory)
    {
        var started = past.OfType<ExecutionStarted>().FirstOrDefault() ?? newEvents.OfType<ExecutionStarted>().First();
        var context = new ReplayOrchestrationContext(started.Name, instanceId, started.Input, loggerFactory);
        var scheduler = new DeterministicTaskScheduler();
        Task<object?>? run = null;

        // Continuations must be posted to our scheduler, not to a caller's synchronization context.
        var callerContext = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            context.Replaying = true;
            foreach (var historyEvent in past)
            {
                Apply(historyEvent);
            }

            context.Replaying = false;
            foreach (var historyEvent in newEvents)
            {
                Apply(historyEvent);
            }
        }
        catch (NonDeterministicOrchestrationException ex)
        {
            return Finished(context, OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex));
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(callerContext);
        }

        if (run is null || !run.IsCompleted)
        {
            if (run is not null && !context.HasOpenWork)
            {
                var error = new NonDeterministicOrchestrationException(
                    "the orchestrator awaits something that is not durable (Task.Delay, I/O, ConfigureAwait(false)?); use the context's timers, activities and events.");
                return Finished(context, OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(error));
            }

            return new ExecutionOutcome([.. context.NewActions], OrchestrationRuntimeStatus.Running, null, null, context.CustomStatus, []);
        }

        if (run.IsFaulted || run.IsCanceled)
        {
            var exception = run.Exception?.InnerExceptions.Count == 1 ? run.Exception.InnerExceptions[0] : run.Exception ?? (Exception)new TaskCanceledException(run);
            return Finished(context, OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(exception));
        }

        if (context.ContinueAsNewRequest is { } next)
        {
            return new ExecutionOutcome(
                [.. context.NewActions], OrchestrationRuntimeStatus.ContinuedAsNew, next.Input, null, context.CustomStatus,
                next.PreserveEvents ? [.. context.BufferedEvents] : []);
        }

        try
        {
            return Finished(context, OrchestrationRuntimeStatus.Completed, JsonDataConverter.Serialize(run.Result), null);
        }
        catch (NotSupportedException ex)
        {
            return Finished(context, OrchestrationRuntimeStatus.Failed, null, TaskFailureDetails.FromException(ex));
        }

        void Apply(HistoryEvent historyEvent)
        {
            context.Apply(historyEvent, run?.IsCompleted == true);
            if (historyEvent is ExecutionStarted && run is null)
            {
                run = Task.Factory.StartNew(
                    () => StartAsync(orchestrator, context, started.Input),
                    CancellationToken.None,
                    TaskCreationOptions.None,
                    scheduler).Unwrap();
            }

            scheduler.RunUntilIdle();
        }
    }

    private static Task<object?> StartAsync(ITaskOrchestrator orchestrator, TaskOrchestrationContext context, string? input)
    {
        object? value;
        try
        {
            value = JsonDataConverter.Deserialize(input, orchestrator.InputType);
        }
        catch (System.Text.Json.JsonException ex)
        {
            return Task.FromException<object?>(ex);
        }

        return orchestrator.RunAsync(context, value);
    }

    private static ExecutionOutcome Finished(ReplayOrchestrationContext context, OrchestrationRuntimeStatus status, string? output, TaskFailureDetails? failure) =>
        new([.. context.NewActions], status, output, failure, context.CustomStatus, []);
}
