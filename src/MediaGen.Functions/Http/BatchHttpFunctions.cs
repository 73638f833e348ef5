using MediaGen.Api.Jobs;

namespace MediaGen.Functions.Http;

/// <summary>The batch and chain routes, answered by the standalone host's handlers.</summary>
public sealed class BatchHttpFunctions(JobServiceFactory jobs, RequestBody body, JobWatcher watcher)
{
    /// <summary><c>POST /api/batches</c>.</summary>
    [Function("StartBatch")]
    public Task<IResult> StartBatch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "batches")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        BatchEndpoints.StartBatchAsync(req.HttpContext, body, jobs.Create<JobStarter>(client), jobs.Create<JobReader>(client), watcher, cancellationToken);

    /// <summary><c>GET /api/batches/{id}</c>.</summary>
    [Function("GetBatch")]
    public Task<IResult> GetBatch(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "batches/{id}")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        BatchEndpoints.GetBatchAsync(id, req.HttpContext, jobs.Create<JobReader>(client), cancellationToken);

    /// <summary><c>POST /api/chains</c>.</summary>
    [Function("StartChain")]
    public Task<IResult> StartChain(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "chains")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        BatchEndpoints.StartChainAsync(req.HttpContext, body, jobs.Create<JobStarter>(client), jobs.Create<JobReader>(client), watcher, cancellationToken);
}
