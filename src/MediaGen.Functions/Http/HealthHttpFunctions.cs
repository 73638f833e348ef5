using Azure.Storage.Blobs;
using MediaGen.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;

namespace MediaGen.Functions.Http;

/// <summary>The health route, answered by the standalone host's handler. Anonymous, as in the standalone host.</summary>
public sealed class HealthHttpFunctions(BlobServiceClient blobs)
{
    /// <summary><c>GET /api/health</c>.</summary>
    [Function(nameof(Health))]
    public Task<IResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest req,
        CancellationToken cancellationToken) =>
        HealthEndpoints.CheckAsync(blobs, cancellationToken);
}
