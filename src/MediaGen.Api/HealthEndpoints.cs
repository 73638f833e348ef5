using Azure.Storage.Blobs;

namespace MediaGen.Api;

/// <summary><c>GET /api/health</c>: the host answers and reaches its storage account. No API key.</summary>
public static class HealthEndpoints
{
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Maps the route.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/health", CheckAsync)
            .WithName("Health")
            .WithTags("Health")
            .WithSummary("Health: the host is up and its storage account answers")
            .Produces<HealthReport>()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    /// <summary>The health answer: 200 when the storage account answers, else 503.</summary>
    public static async Task<IResult> CheckAsync(BlobServiceClient blobs, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(ProbeTimeout);
        try
        {
            await blobs.GetPropertiesAsync(deadline.Token);
            return Results.Ok(new HealthReport("ok", "reachable"));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return StorageUnreachable($"The storage account did not answer within {ProbeTimeout.TotalSeconds:0} s.");
        }
        catch (Azure.RequestFailedException ex)
        {
            return StorageUnreachable($"The storage account answered {ex.Status} ({ex.ErrorCode}).");
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is Azure.RequestFailedException or HttpRequestException))
        {
            // The SDK's retry policy gives up with an AggregateException of the attempts' failures.
            return StorageUnreachable(ex.InnerExceptions[^1].Message);
        }
    }

    private static IResult StorageUnreachable(string detail) =>
        Results.Problem(title: "Storage unreachable", detail: detail, statusCode: StatusCodes.Status503ServiceUnavailable);
}
