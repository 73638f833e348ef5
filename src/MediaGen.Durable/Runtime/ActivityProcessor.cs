using System.Text.Json;
using MediaGen.Durable.History;
using MediaGen.Durable.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MediaGen.Durable.Runtime;

/// <summary>
/// Runs activities from the shared work-item queue (any process may take any activity). A result for
/// an instance whose partition this process owns is handed over in memory, and the work item deleted
/// only once the result is stored in history; otherwise the result goes to the instance's control queue.
/// </summary>
internal sealed partial class ActivityProcessor(
    WorkerServices services,
    DurableRegistry registry,
    IServiceProvider serviceProvider,
    PartitionManager partitions)
{
    private readonly ILogger _logger = services.LoggerFactory.CreateLogger<ActivityProcessor>();
    private readonly SemaphoreSlim _slots = new(services.Options.MaxConcurrentActivities);

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var queue = services.Hub.WorkItems;
        var idle = TimeSpan.FromMilliseconds(10);
        var running = new List<Task>();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                var free = 1;
                while (free < 32 && _slots.Wait(0))
                {
                    free++;
                }

                IReadOnlyList<QueueItem> items;
                try
                {
                    items = await queue.ReceiveAsync(free, services.Options.MessageVisibilityTimeout, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release(free);
                }

                if (items.Count == 0)
                {
                    await queue.WaitForMessagesAsync(idle, cancellationToken).ConfigureAwait(false);
                    idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, services.Options.MaxPollingInterval.Ticks));
                    continue;
                }

                idle = TimeSpan.FromMilliseconds(10);
                foreach (var item in items)
                {
                    await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    running.Add(Task.Run(() => ExecuteAsync(queue, item, cancellationToken), CancellationToken.None));
                }

                running.RemoveAll(t => t.IsCompleted);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (Azure.RequestFailedException ex)
            {
                LogStorageError(_logger, ex);
                await Task.Delay(services.Options.MaxPollingInterval, CancellationToken.None).ConfigureAwait(false);
            }
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs an activity the owner of its instance just scheduled, in this process, if a slot is free
    /// (no queue round trip); <paramref name="deliver"/> gets the result message.
    /// </summary>
    public bool TryRunLocally(WorkMessage message, Func<WorkMessage, Task> deliver)
    {
        if (message.Event is not TaskScheduled scheduled || !_slots.Wait(0))
        {
            return false;
        }

        _ = Task.Run(async () =>
        {
            try
            {
                var outcome = await InvokeAsync(message, scheduled).ConfigureAwait(false);
                await deliver(ResultOf(message, scheduled, outcome)).ConfigureAwait(false);
            }
            catch (Azure.RequestFailedException ex)
            {
                // The result is lost with the process's hold on its trigger: the instance's outbox re-sends the work item.
                LogStorageError(_logger, ex);
            }
            finally
            {
                _slots.Release();
            }
        });
        return true;
    }

    private static WorkMessage ResultOf(WorkMessage message, TaskScheduled scheduled, HistoryEvent outcome) =>
        new($"{message.InstanceId}/{message.ExecutionId}/r{scheduled.TaskId}", message.InstanceId, message.ExecutionId, outcome);

    private async Task ExecuteAsync(IMessageQueue queue, QueueItem item, CancellationToken cancellationToken)
    {
        try
        {
            WorkMessage? message;
            string? payloadBlob;
            try
            {
                (message, payloadBlob) = await services.Codec.ReadAsync(item, cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException ex)
            {
                if (item.DequeueCount < services.Options.MaxDequeueCount)
                {
                    await queue.UpdateVisibilityAsync(item, WorkerServices.RetryBackoff(item.DequeueCount), cancellationToken).ConfigureAwait(false);
                    return;
                }

                await PoisonAsync(queue, item, MessageCodec.TryReadInstanceId(item.Body), "it could not be read: " + ex.Message, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (message is not { Event: TaskScheduled scheduled })
            {
                await queue.DeleteAsync(item, cancellationToken).ConfigureAwait(false);
                return;
            }

            if (item.DequeueCount > services.Options.MaxDequeueCount)
            {
                await PoisonAsync(queue, item, message.InstanceId, $"activity '{scheduled.Name}' did not finish in any attempt", cancellationToken).ConfigureAwait(false);
                return;
            }

            var current = item;
            HistoryEvent outcome;
            using (var renewal = new CancellationTokenSource())
            {
                var renewing = RenewAsync(queue, () => current, i => current = i, renewal.Token);
                outcome = await InvokeAsync(message, scheduled).ConfigureAwait(false);
                await renewal.CancelAsync().ConfigureAwait(false);
                await renewing.ConfigureAwait(false);
            }

            var result = ResultOf(message, scheduled, outcome);
            async Task AcknowledgeAsync(CancellationToken ct)
            {
                await queue.DeleteAsync(current, ct).ConfigureAwait(false);
                if (payloadBlob is not null)
                {
                    await services.Hub.Payloads.DeleteAsync(payloadBlob, ct).ConfigureAwait(false);
                }
            }

            if (!partitions.TryDeliverLocally(result, AcknowledgeAsync))
            {
                await services.Codec.SendAsync(result, cancellationToken).ConfigureAwait(false);
                await AcknowledgeAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the work item becomes visible again and runs elsewhere or after restart.
        }
        catch (Azure.RequestFailedException ex)
        {
            LogStorageError(_logger, ex);
        }
        finally
        {
            _slots.Release();
        }
    }

    private async Task<HistoryEvent> InvokeAsync(WorkMessage message, TaskScheduled scheduled)
    {
        if (registry.FindActivity(scheduled.Name) is not { } type)
        {
            return new TaskFailed(scheduled.TaskId, new TaskFailureDetails(
                "MediaGen.Durable.ActivityNotRegistered", $"No activity named '{scheduled.Name}' is registered with this worker."));
        }

        try
        {
            await using var scope = serviceProvider.CreateAsyncScope();
            var activity = (ITaskActivity)ActivatorUtilities.CreateInstance(scope.ServiceProvider, type);
            var input = JsonDataConverter.Deserialize(scheduled.Input, activity.InputType);
            var output = await activity.RunAsync(new ActivityContext(scheduled.Name, message.InstanceId), input).ConfigureAwait(false);
            return new TaskCompleted(scheduled.TaskId, JsonDataConverter.Serialize(output));
        }
        catch (Exception ex)
        {
            // Not swallowed: the failure becomes the activity's durable result, seen by the orchestration as TaskFailedException.
            LogActivityFailed(_logger, ex, scheduled.Name, message.InstanceId);
            return new TaskFailed(scheduled.TaskId, TaskFailureDetails.FromException(ex));
        }
    }

    private async Task RenewAsync(IMessageQueue queue, Func<QueueItem> get, Action<QueueItem> set, CancellationToken cancellationToken)
    {
        var visibility = services.Options.MessageVisibilityTimeout;
        try
        {
            while (true)
            {
                await Task.Delay(visibility / 2, cancellationToken).ConfigureAwait(false);
                if (await queue.UpdateVisibilityAsync(get(), visibility, cancellationToken).ConfigureAwait(false) is { } renewed)
                {
                    set(renewed);
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The activity finished.
        }
    }

    private async Task PoisonAsync(IMessageQueue queue, QueueItem item, string? instanceId, string reason, CancellationToken cancellationToken)
    {
        LogDeadLettered(_logger, item.MessageId, item.DequeueCount, instanceId);
        if (instanceId is not null)
        {
            // Through the instance's control queue: its owner fails it (and so its parent learns).
            await services.Codec.SendAsync(PoisonMessages.FailureFor(instanceId, item, reason), cancellationToken).ConfigureAwait(false);
        }

        await PoisonMessages.DeadLetterAsync(services.Hub, queue, item, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storage error while running activities")]
    private static partial void LogStorageError(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Activity {ActivityName} of instance {InstanceId} failed")]
    private static partial void LogActivityFailed(ILogger logger, Exception exception, string activityName, string instanceId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Dead-lettering work item {MessageId} after {DequeueCount} deliveries; failing instance {InstanceId}")]
    private static partial void LogDeadLettered(ILogger logger, string messageId, long dequeueCount, string? instanceId);
}
