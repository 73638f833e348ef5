using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using MediaGen.Workflows;

namespace MediaGen.Host.Listeners;

/// <summary>
/// Listens on the requests queue (<see cref="TriggerNames.RequestQueueName"/>): each message (the HTTP start body, plain or
/// base64 JSON) becomes a job through the job service (<see cref="RequestQueueIntake"/>, shared with the Functions queue
/// trigger) as the intake caller (<c>Api__IntakeCaller</c>), whose id derives from that caller and the message's
/// idempotency key or else the queue message id, so a redelivered
/// message finds the job it started instead of starting a second. The poison behaviour is the Functions app's: invalid
/// messages go at once (validation is permanent) to <c>&lt;queue&gt;-poison</c> in a <see cref="PoisonEnvelope"/> with the
/// errors; transient failures are retried with backoff and, after <see cref="RequestQueueOptions.MaxDequeueCount"/>
/// deliveries, moved to the same queue as they are (what the Functions host does). Several hosts may listen on one queue.
/// </summary>
public sealed partial class RequestQueueListener(
    QueueServiceClient queues,
    JobStarter jobs,
    CallerRoles roles,
    IOptions<RequestQueueOptions> options,
    IOptions<TriggerNames> names,
    TimeProvider time,
    ILogger<RequestQueueListener> logger) : BackgroundService
{
    private static readonly TimeSpan FirstIdleDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetryDelay = TimeSpan.FromMinutes(10);

    private readonly RequestQueueOptions _settings = options.Value;
    private readonly QueueClient _queue = queues.GetQueueClient(names.Value.RequestQueueName);
    private readonly QueueClient _poison = queues.GetQueueClient(names.Value.RequestPoisonQueueName);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.Enabled)
        {
            return;
        }

        var idle = FirstIdleDelay;
        var ready = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            QueueMessage[] messages;
            try
            {
                if (!ready)
                {
                    await _queue.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    await _poison.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    ready = true;
                }

                messages = (await _queue.ReceiveMessagesAsync(_settings.BatchSize, _settings.VisibilityTimeout, stoppingToken).ConfigureAwait(false)).Value;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
            {
                // Storage unreachable or failing: keep listening, at the slowest polling pace.
                LogReceiveFailed(logger, _queue.Name, ex);
                await DelayAsync(_settings.MaxPollingInterval, stoppingToken).ConfigureAwait(false);
                continue;
            }

            if (messages.Length == 0)
            {
                await DelayAsync(idle, stoppingToken).ConfigureAwait(false);
                idle = TimeSpan.FromTicks(Math.Min(idle.Ticks * 2, _settings.MaxPollingInterval.Ticks));
                continue;
            }

            idle = FirstIdleDelay;
            await Task.WhenAll(messages.Select(message => HandleAsync(message, stoppingToken))).ConfigureAwait(false);
        }
    }

    private async Task HandleAsync(QueueMessage message, CancellationToken stoppingToken)
    {
        try
        {
            if (message.DequeueCount > _settings.MaxDequeueCount)
            {
                // Delivered more often than allowed without an outcome (e.g. hosts crashing while handling it).
                LogGaveUp(logger, message.MessageId, message.DequeueCount, _poison.Name, null);
                await MoveToPoisonAsync(message, stoppingToken).ConfigureAwait(false);
                return;
            }

            var outcome = await RequestQueueIntake.StartOrPoisonAsync(message, jobs, _poison, time.GetUtcNow(), roles.IntakeCaller, stoppingToken).ConfigureAwait(false);
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, stoppingToken).ConfigureAwait(false);
            if (outcome.Started is { } started)
            {
                LogStarted(logger, message.MessageId, started.Id, !started.AlreadyExisted);
            }
            else
            {
                LogPoisoned(logger, message.MessageId, outcome.Errors?.Count ?? 0, _poison.Name);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await ReleaseAsync(message).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // The listener must survive anything one message does; the message itself is retried with backoff
            // (a repeated start is harmless: the idempotency key finds the job) and poisoned after MaxDequeueCount.
            LogHandleFailed(logger, message.MessageId, message.DequeueCount, ex);
            await RetryOrPoisonAsync(message, ex, stoppingToken).ConfigureAwait(false);
        }
    }

    private async Task RetryOrPoisonAsync(QueueMessage message, Exception failure, CancellationToken stoppingToken)
    {
        try
        {
            if (message.DequeueCount >= _settings.MaxDequeueCount)
            {
                LogGaveUp(logger, message.MessageId, message.DequeueCount, _poison.Name, failure);
                await MoveToPoisonAsync(message, stoppingToken).ConfigureAwait(false);
                return;
            }

            var delay = TimeSpan.FromTicks(Math.Min(_settings.FirstRetryDelay.Ticks * (1L << (int)Math.Min(message.DequeueCount - 1, 20)), MaxRetryDelay.Ticks));
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: delay, cancellationToken: stoppingToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or OperationCanceledException)
        {
            // Storage is failing too: the message reappears when its visibility timeout ends.
            LogRetryScheduleFailed(logger, message.MessageId, ex);
        }
    }

    /// <summary>
    /// The message as it is (same text, no envelope) into the poison queue, then out of the requests queue: what the
    /// Functions host does after <c>maxDequeueCount</c> failed deliveries, so both hosts leave the same thing behind and
    /// it can be sent to the requests queue again unchanged.
    /// </summary>
    private async Task MoveToPoisonAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        await _poison.CreateIfNotExistsAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        await _poison.SendMessageAsync(message.Body, cancellationToken: cancellationToken).ConfigureAwait(false);
        await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
    }

    private async Task ReleaseAsync(QueueMessage message)
    {
        // Shutting down mid-message: make it visible again now so another host takes it over without waiting.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        try
        {
            await _queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero, cancellationToken: timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException or OperationCanceledException)
        {
            LogRetryScheduleFailed(logger, message.MessageId, ex);
        }
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, time, stoppingToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue message {MessageId} -> job {JobId} (created: {Created})")]
    private static partial void LogStarted(ILogger logger, string messageId, string jobId, bool created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue message {MessageId} poisoned (invalid, {ErrorCount} errors) into {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, string messageId, int errorCount, string poisonQueue);

    [LoggerMessage(Level = LogLevel.Error, Message = "Queue message {MessageId} reached {DequeueCount} deliveries without a job; moved as it is to {PoisonQueue}")]
    private static partial void LogGaveUp(ILogger logger, string messageId, long dequeueCount, string poisonQueue, Exception? lastFailure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Receiving from queue {Queue} failed; retrying")]
    private static partial void LogReceiveFailed(ILogger logger, string queue, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue message {MessageId} failed on delivery {DequeueCount}; it is retried with backoff")]
    private static partial void LogHandleFailed(ILogger logger, string messageId, long dequeueCount, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not reschedule queue message {MessageId}; it reappears after its visibility timeout")]
    private static partial void LogRetryScheduleFailed(ILogger logger, string messageId, Exception exception);
}
