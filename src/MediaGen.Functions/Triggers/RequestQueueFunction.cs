using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using MediaGen.Api;
using MediaGen.Api.Triggers;
using MediaGen.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace MediaGen.Functions.Triggers;

/// <summary>
/// The requests queue: each message becomes a job of the intake caller (<c>Api__IntakeCaller</c>) through the shared intake
/// (idempotent on the message id). An invalid
/// message is written to the poison queue with its errors and the function completes, so it is not retried; a
/// transient failure throws and the Functions runtime retries it (host.json <c>maxDequeueCount</c>).
/// </summary>
public sealed partial class RequestQueueFunction(
    JobServiceFactory jobs, QueueServiceClient queues, CallerRoles roles, IConfiguration configuration, TimeProvider time, ILogger<RequestQueueFunction> logger)
{
    // The same setting (and default) as the standalone host's RequestQueueOptions.PoisonQueueName.
    private readonly QueueClient _poison = queues.GetQueueClient(configuration["RequestQueue:PoisonQueueName"] is { Length: > 0 } name ? name : "mediagen-requests-poison");

    /// <summary>Starts the job of one message, or poisons it with the reason.</summary>
    [Function("RequestQueue")]
    public async Task Run(
        [QueueTrigger("%RequestQueue:QueueName%", Connection = "AzureWebJobsStorage")] QueueMessage message,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var outcome = await RequestQueueIntake.StartOrPoisonAsync(message, jobs.Create(client), _poison, time.GetUtcNow(), roles.IntakeCaller, cancellationToken);
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
