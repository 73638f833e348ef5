using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using MediaGen.Api.Triggers;

namespace MediaGen.Functions.Triggers;

/// <summary>
/// The requests queue (<c>%RequestQueueName%</c>): each message becomes a job of the intake caller
/// (<c>Api__IntakeCaller</c>) through the shared intake (idempotent on the message id). An invalid message is written to
/// <c>&lt;queue&gt;-poison</c> with its errors and the function completes, so
/// it is not retried; a transient failure throws and the Functions host retries it, then moves the message as it is to
/// the same <c>&lt;queue&gt;-poison</c> after host.json's <c>maxDequeueCount</c> deliveries — the standalone listener's
/// behaviour too (docs/host.md, "Poison queue").
/// </summary>
public sealed partial class RequestQueueFunction(
    JobServiceFactory jobs, QueueServiceClient queues, CallerRoles roles, IOptions<TriggerNames> names, TimeProvider time, ILogger<RequestQueueFunction> logger)
{
    /// <summary>The binding expression of the queue: the flat setting <see cref="TriggerNames.RequestQueueName"/>.</summary>
    public const string QueueExpression = "%" + nameof(TriggerNames.RequestQueueName) + "%";

    private readonly QueueClient _poison = queues.GetQueueClient(names.Value.RequestPoisonQueueName);

    /// <summary>Starts the job of one message, or poisons it with the reason.</summary>
    [Function("RequestQueue")]
    public async Task Run(
        [QueueTrigger(QueueExpression, Connection = "AzureWebJobsStorage")] QueueMessage message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var outcome = await RequestQueueIntake.StartOrPoisonAsync(message, jobs.Create<JobStarter>(client), _poison, time.GetUtcNow(), roles.IntakeCaller, cancellationToken);
        if (outcome.Started is { } started)
        {
            LogStarted(logger, message.MessageId, started.Id, !started.AlreadyExisted);
        }
        else
        {
            LogPoisoned(logger, message.MessageId, outcome.Errors?.Count ?? 0, _poison.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Queue message {MessageId} -> job {JobId} (created: {Created})")]
    private static partial void LogStarted(ILogger logger, string messageId, string jobId, bool created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue message {MessageId} poisoned (invalid, {ErrorCount} errors) into {PoisonQueue}")]
    private static partial void LogPoisoned(ILogger logger, string messageId, int errorCount, string poisonQueue);
}
