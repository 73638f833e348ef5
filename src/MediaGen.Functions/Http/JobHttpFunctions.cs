using MediaGen.Api;
using MediaGen.Api.Jobs;
using MediaGen.Workflows.Pixazo;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace MediaGen.Functions.Http;

/// <summary>The job routes (start, list, get, cancel), answered by the standalone host's handlers.</summary>
public sealed class JobHttpFunctions(JobServiceFactory jobs, RequestBody body, PixazoWebhooks webhooks)
{
    /// <summary><c>POST /api/jobs</c>.</summary>
    [Function("StartJob")]
    public Task<IResult> StartJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        JobEndpoints.StartAsync(req.HttpContext, body, jobs.Create(client), webhooks, cancellationToken);

    /// <summary><c>GET /api/jobs</c>.</summary>
    [Function("ListJobs")]
    public Task<IResult> ListJobs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        JobEndpoints.ListAsync(req, jobs.Create(client), cancellationToken);

    /// <summary><c>GET /api/jobs/{id}</c>.</summary>
    [Function("GetJob")]
    public Task<IResult> GetJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{id}")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        JobEndpoints.GetAsync(id, req.HttpContext, jobs.Create(client), cancellationToken);

    /// <summary><c>POST /api/jobs/{id}/cancel?reason=…</c>.</summary>
    [Function("CancelJob")]
    public Task<IResult> CancelJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs/{id}/cancel")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        JobEndpoints.CancelAsync(id, req.Query["reason"].FirstOrDefault(), req.HttpContext, jobs.Create(client), cancellationToken);
}
