using MediaGen.Durable.Client;
using MediaGen.Durable.History;
using MediaGen.Durable.Storage;

namespace MediaGen.Durable.Runtime;

/// <summary>Messages that fail every delivery: moved to the dead-letter queue, and their instance failed with the reason.</summary>
internal static class PoisonMessages
{
    public const string ErrorType = "MediaGen.Durable.PoisonMessage";

    public static WorkMessage FailureFor(string instanceId, QueueItem item, string reason) => new(
        "poison/" + item.MessageId,
        instanceId,
        null,
        new ExecutionCompleted(
            OrchestrationRuntimeStatus.Failed,
            null,
            new TaskFailureDetails(ErrorType, $"Message {item.MessageId} was dead-lettered after {item.DequeueCount} delivery attempts: {reason}")));

    public static async Task DeadLetterAsync(TaskHub hub, IMessageQueue source, QueueItem item, CancellationToken cancellationToken)
    {
        await hub.DeadLetters.SendAsync(item.Body, TimeSpan.Zero, cancellationToken).ConfigureAwait(false);
        await source.DeleteAsync(item, cancellationToken).ConfigureAwait(false);
    }
}
