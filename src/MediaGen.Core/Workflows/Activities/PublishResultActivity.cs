using System.Text.Json;
using Azure.Storage.Queues;
using MediaGen.Core.Jobs;
using MediaGen.Core.Workflows.Payloads;
using MediaGen.Durable;
using Microsoft.Extensions.Options;

namespace MediaGen.Core.Workflows.Activities;

/// <summary>
/// Puts a finished job's notification on the results queue (<see cref="WorkflowOptions.ResultsQueue"/>) as UTF-8 JSON
/// (<see cref="JobJson.Options"/>). A batch's per-item list is left out when the message would exceed the queue's limit.
/// </summary>
public sealed class PublishResultActivity(QueueServiceClient queues, IOptions<WorkflowOptions> options) : TaskActivity<JobNotification, bool>
{
    /// <summary>Queue messages hold 64 KiB; leave room for the envelope.</summary>
    private const int MaxMessageBytes = 60 * 1024;

    private static readonly SemaphoreSlim CreateLock = new(1, 1);
    private static readonly HashSet<string> CreatedQueues = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override async Task<bool> RunAsync(TaskActivityContext context, JobNotification input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var queue = queues.GetQueueClient(options.Value.ResultsQueue);
        await EnsureQueueAsync(queue).ConfigureAwait(false);
        var body = JsonSerializer.Serialize(input, JobJson.Options);
        if (System.Text.Encoding.UTF8.GetByteCount(body) > MaxMessageBytes)
        {
            body = JsonSerializer.Serialize(input with { Items = null, Result = input.Result is { } r ? r with { Text = null } : null }, JobJson.Options);
        }

        await queue.SendMessageAsync(body).ConfigureAwait(false);
        return true;
    }

    private static async Task EnsureQueueAsync(QueueClient queue)
    {
        lock (CreatedQueues)
        {
            if (CreatedQueues.Contains(queue.Uri.AbsoluteUri))
            {
                return;
            }
        }

        await CreateLock.WaitAsync().ConfigureAwait(false);
        try
        {
            await queue.CreateIfNotExistsAsync().ConfigureAwait(false);
            lock (CreatedQueues)
            {
                CreatedQueues.Add(queue.Uri.AbsoluteUri);
            }
        }
        finally
        {
            CreateLock.Release();
        }
    }
}
