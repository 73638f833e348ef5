using Azure;
using Azure.Storage.Queues;
using MediaGen.Durable.Runtime;

namespace MediaGen.Durable.Storage.Azure;

/// <summary>An Azure Storage queue. Messages are sent with an infinite time-to-live (a timer may wait for weeks).</summary>
internal sealed class AzureMessageQueue(QueueClient client) : IMessageQueue
{
    private static readonly TimeSpan NeverExpires = TimeSpan.FromSeconds(-1);
    private readonly AsyncSignal _sent = new();

    public string Name => client.Name;

    public Task CreateIfNotExistsAsync(CancellationToken cancellationToken) => client.CreateIfNotExistsAsync(cancellationToken: cancellationToken);

    public async Task SendAsync(string body, TimeSpan visibilityDelay, CancellationToken cancellationToken)
    {
        await client.SendMessageAsync(body, visibilityDelay, NeverExpires, cancellationToken).ConfigureAwait(false);
        if (visibilityDelay == TimeSpan.Zero)
        {
            _sent.Set();
        }
    }

    public async Task<IReadOnlyList<QueueItem>> ReceiveAsync(int maxMessages, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        var response = await client.ReceiveMessagesAsync(maxMessages, visibilityTimeout, cancellationToken).ConfigureAwait(false);
        return [.. response.Value.Select(m => new QueueItem(m.MessageId, m.PopReceipt, m.DequeueCount, m.Body.ToString()))];
    }

    public async Task DeleteAsync(QueueItem item, CancellationToken cancellationToken)
    {
        try
        {
            await client.DeleteMessageAsync(item.MessageId, item.PopReceipt, cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (IsGone(ex))
        {
            // Deleted already, or received again by another worker after its visibility ran out.
        }
    }

    public async Task<QueueItem?> UpdateVisibilityAsync(QueueItem item, TimeSpan visibilityTimeout, CancellationToken cancellationToken)
    {
        try
        {
            var receipt = await client.UpdateMessageAsync(item.MessageId, item.PopReceipt, visibilityTimeout: visibilityTimeout, cancellationToken: cancellationToken).ConfigureAwait(false);
            if (visibilityTimeout == TimeSpan.Zero)
            {
                _sent.Set();
            }

            return item with { PopReceipt = receipt.Value.PopReceipt };
        }
        catch (RequestFailedException ex) when (IsGone(ex))
        {
            return null;
        }
    }

    public Task WaitForMessagesAsync(TimeSpan maxWait, CancellationToken cancellationToken) => _sent.WaitAsync(maxWait, cancellationToken);

    private static bool IsGone(RequestFailedException ex) => ex.Status == 404 || (ex.Status == 400 && ex.ErrorCode == "PopReceiptMismatch");
}
