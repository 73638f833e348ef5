namespace MediaGen.Api.Health;

/// <summary>Readiness: the storage account (<c>AzureWebJobsStorage</c>) answers.</summary>
public sealed class StorageHealthCheck(BlobServiceClient blobs) : IHealthCheck
{
    /// <summary>The registration name, also the key of the check in <c>GET /api/health</c>'s answers.</summary>
    public const string Name = "storage";

    /// <summary>How long the storage account may take to answer. 5 s.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(Timeout);
        try
        {
            await blobs.GetPropertiesAsync(deadline.Token).ConfigureAwait(false);
            return HealthCheckResult.Healthy("reachable");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The storage account did not answer within {Timeout.TotalSeconds:0} s.");
        }
        catch (Exception ex) when (StorageFailure.Describe(ex) is { } reason)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, $"The storage account {reason}.");
        }
    }
}
