using Azure.Storage.Queues;

namespace MediaGen.Api.Health;

/// <summary>
/// Readiness: the durable engine's task hub exists in the storage account — its work-item queue, which the engine (the
/// standalone host's worker, or the Durable Functions extension) creates when it starts on the Azure Storage backend.
/// </summary>
public sealed class TaskHubHealthCheck(QueueServiceClient queues, string hubName) : IHealthCheck
{
    /// <summary>The registration name, also the key of the check in <c>GET /api/health</c>'s answers.</summary>
    public const string Name = "taskHub";

    /// <summary>How long the storage account may take to answer. 5 s.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (string.IsNullOrWhiteSpace(hubName))
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "No task hub name is configured.");
        }

        // DurableTask.AzureStorage names the queue "{hub in lower case}-workitems".
        var queue = hubName.ToLowerInvariant() + "-workitems";
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            return await queues.GetQueueClient(queue).ExistsAsync(deadline.Token).ConfigureAwait(false)
                ? HealthCheckResult.Healthy("ready")
                : new HealthCheckResult(context.Registration.FailureStatus, $"The task hub {hubName} does not exist yet (no queue {queue}); the engine creates it when it starts.");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The task hub {hubName} could not be read: the storage account did not answer within {Timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (StorageFailure.Describe(ex) is { } reason)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The task hub {hubName} could not be read: the storage account {reason}.");
        }
    }
}
