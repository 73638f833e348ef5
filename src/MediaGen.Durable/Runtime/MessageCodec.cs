using System.Text.Json;
using MediaGen.Durable.History;
using MediaGen.Durable.Storage;

namespace MediaGen.Durable.Runtime;

/// <summary>
/// Sends work messages to the queue they belong on (activities to the work-item queue, the rest to the
/// instance's control queue), offloading bodies over the queue limit to a blob, and reads them back.
/// </summary>
internal sealed class MessageCodec(TaskHub hub, TimeProvider clock)
{
    public IMessageQueue QueueOf(WorkMessage message) =>
        message.Event is TaskScheduled ? hub.WorkItems : hub.Control(hub.PartitionOf(message.InstanceId));

    public async Task SendAsync(WorkMessage message, CancellationToken cancellationToken)
    {
        var delay = TimeSpan.Zero;
        if (message.DueAt is { } due)
        {
            delay = due - clock.GetUtcNow().UtcDateTime;
            delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > hub.Options.MaxTimerDelay ? hub.Options.MaxTimerDelay : delay;

            // Queues count visibility in whole seconds: round up, or a timer could fire early.
            delay = TimeSpan.FromSeconds(Math.Ceiling(delay.TotalSeconds));
        }

        var body = JsonSerializer.Serialize(new QueueEnvelope(message, null), DurableJsonContext.Default.QueueEnvelope);
        if (body.Length > hub.Storage.MaxMessageLength * 3 / 4)
        {
            // Too large for a queue message: the queue carries a reference to a blob holding it.
            var blobName = Guid.NewGuid().ToString("N");
            await hub.Payloads.OverwriteAsync(blobName, BinaryData.FromString(body), cancellationToken).ConfigureAwait(false);
            body = JsonSerializer.Serialize(new QueueEnvelope(null, blobName), DurableJsonContext.Default.QueueEnvelope);
        }

        await QueueOf(message).SendAsync(body, delay, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads a received message; null when its payload blob is gone (it was processed already).</summary>
    /// <exception cref="JsonException">The body is not a message.</exception>
    public async Task<(WorkMessage? Message, string? PayloadBlob)> ReadAsync(QueueItem item, CancellationToken cancellationToken)
    {
        var envelope = JsonSerializer.Deserialize(item.Body, DurableJsonContext.Default.QueueEnvelope)
            ?? throw new JsonException("The queue message is empty.");
        if (envelope.PayloadBlob is not { } blobName)
        {
            return (envelope.Message ?? throw new JsonException("The queue message holds no work message."), null);
        }

        var blob = await hub.Payloads.ReadAsync(blobName, cancellationToken).ConfigureAwait(false);
        if (blob is null)
        {
            return (null, blobName);
        }

        var inner = JsonSerializer.Deserialize(blob.Content.ToString(), DurableJsonContext.Default.QueueEnvelope);
        return (inner?.Message ?? throw new JsonException($"Payload blob {blobName} holds no work message."), blobName);
    }

    /// <summary>Best effort: an instance id from a body that does not parse, to fail the instance it poisons.</summary>
    public static string? TryReadInstanceId(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("message", out var message)
                && message.TryGetProperty("instanceId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
