using MediaGen.Api.Jobs;
using MediaGen.Workflows.Pixazo;

namespace MediaGen.Functions.Http;

/// <summary>The job routes (start, list, get, cancel), answered by the standalone host's handlers.</summary>
public sealed class JobHttpFunctions(
    JobServiceFactory jobs, RequestBody body, PixazoWebhooks webhooks, JobWatcher watcher, IOptions<ApiOptions> options, TimeProvider time)
{
    /// <summary><c>POST /api/jobs</c>.</summary>
    [Function("StartJob")]
    public Task<IResult> StartJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        JobEndpoints.StartAsync(req.HttpContext, body, jobs.Create<JobStarter>(client), jobs.Create<JobReader>(client), watcher, webhooks, cancellationToken);

    /// <summary><c>GET /api/jobs</c>.</summary>
    [Function("ListJobs")]
    public Task<IResult> ListJobs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        JobEndpoints.ListAsync(req, jobs.Create<JobReader>(client), cancellationToken);

    /// <summary><c>GET /api/jobs/{id}</c>.</summary>
    [Function("GetJob")]
    public Task<IResult> GetJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{id}")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        JobEndpoints.GetAsync(id, req.HttpContext, jobs.Create<JobReader>(client), cancellationToken);

    /// <summary><c>GET /api/jobs/{id}/events</c>: server-sent events until the job ends (Functions' HTTP limits: see docs/host.md).</summary>
    [Function("JobEvents")]
    public Task<IResult> JobEvents(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{id}/events")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        JobEndpoints.EventsAsync(id, req.HttpContext, jobs.Create<JobReader>(client), watcher, options, time, cancellationToken);

    /// <summary><c>POST /api/jobs/{id}/cancel?reason=…</c>.</summary>
    [Function("CancelJob")]
    public Task<IResult> CancelJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs/{id}/cancel")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        JobEndpoints.CancelAsync(
            id, req.Query["reason"].FirstOrDefault(), req.HttpContext, jobs.Create<JobCommands>(client), jobs.Create<JobReader>(client), cancellationToken);
}
