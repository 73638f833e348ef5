using Azure;
using Azure.Storage.Queues;

namespace MediaGen.Workflows.Activities;

/// <summary>
/// Puts a finished job's notification on the results queue (<see cref="WorkflowOptions.ResultsQueue"/>) as UTF-8 JSON
/// (<see cref="JobJson.Options"/>). A batch's per-item list is left out when the message would exceed the queue's limit.
/// A storage failure is returned as a retryable <see cref="DeliveryOutput"/> failure.
/// </summary>
public sealed class PublishResultActivity(QueueServiceClient queues, IOptions<WorkflowOptions> options) : TaskActivity<PublishInput, DeliveryOutput>
{
    /// <summary>Queue messages hold 64 KiB; leave room for the envelope.</summary>
    private const int MaxMessageBytes = 60 * 1024;

    private static readonly SemaphoreSlim CreateLock = new(1, 1);
    private static readonly HashSet<string> CreatedQueues = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public override async Task<DeliveryOutput> RunAsync(TaskActivityContext context, PublishInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        using var span = StepSpans.Start(nameof(PublishResultActivity), context, input.Trace);
        var output = await PublishAsync(input.Notification).ConfigureAwait(false);
        StepSpans.Fail(span, output.Failure);
        return output;
    }

    private async Task<DeliveryOutput> PublishAsync(JobNotification input)
    {
        var queue = queues.GetQueueClient(options.Value.ResultsQueue);
        var body = JsonSerializer.Serialize(input, JobJson.Options);
        if (System.Text.Encoding.UTF8.GetByteCount(body) > MaxMessageBytes)
        {
            body = JsonSerializer.Serialize(input with { Items = null, Result = input.Result is { } r ? r with { Text = null } : null }, JobJson.Options);
        }

        try
        {
            await EnsureQueueAsync(queue).ConfigureAwait(false);
            await queue.SendMessageAsync(body).ConfigureAwait(false);
            return DeliveryOutput.Delivered;
        }
        catch (RequestFailedException ex)
        {
            return new DeliveryOutput(new StepFailure(JobErrorCodes.QueueFailed, $"The results queue refused the message ({ex.Status} {ex.ErrorCode}).", Retryable: true, HttpStatus: ex.Status));
        }
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
