using MediaGen.Api.Dashboard;
using MediaGen.Workflows.Overview;

namespace MediaGen.Functions.Http;

/// <summary>
/// The operator dashboard: its files through one function (at <c>/api/dashboard/</c>, the app's route prefix), and the
/// routes it adds to the job API, answered by the standalone host's handlers. Job details carry the orchestration's history
/// and the timeline built from it, as on the standalone host: the isolated client's <c>GetOrchestrationHistoryAsync</c> is
/// served by the Durable extension's gRPC server (<c>TaskHubGrpcServer.StreamInstanceHistory</c>, extension 3.18).
/// </summary>
public sealed class DashboardHttpFunctions(JobServiceFactory jobs, DashboardAssets assets, MediaPreviewLinks links, TimeProvider time)
{
    /// <summary><c>GET /api/dashboard/{path}</c> (no API key: the files hold no data; the page asks for the key).</summary>
    [Function("Dashboard")]
    public Task<IResult> Dashboard(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "dashboard/{*path}")] HttpRequest req,
        string? path) =>
        Task.FromResult(assets.Serve(req.HttpContext, path));

    /// <summary><c>GET /api/jobs/{id}/details</c>.</summary>
    [Function("GetJobDetails")]
    public Task<IResult> GetJobDetails(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{id}/details")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        DashboardApiEndpoints.GetDetailsAsync(id, req.HttpContext, jobs.Create<JobReader>(client), links, cancellationToken);

    /// <summary><c>GET /api/jobs/{id}/previews</c>.</summary>
    [Function("GetJobPreviews")]
    public Task<IResult> GetJobPreviews(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "jobs/{id}/previews")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        DashboardApiEndpoints.GetPreviewsAsync(id, req.HttpContext, jobs.Create<JobReader>(client), links, cancellationToken);

    /// <summary><c>POST /api/jobs/{id}/rerun?idempotencyKey=…</c>.</summary>
    [Function("RerunJob")]
    public Task<IResult> RerunJob(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs/{id}/rerun")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        DashboardApiEndpoints.RerunAsync(id, req.HttpContext, jobs.Create<JobCommands>(client), jobs.Create<JobReader>(client), cancellationToken);

    /// <summary><c>POST /api/jobs/purge?createdBefore=…</c>.</summary>
    [Function("PurgeJobs")]
    public Task<IResult> PurgeJobs(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "jobs/purge")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        DashboardApiEndpoints.PurgeAsync(req, jobs.Create<JobCommands>(client), cancellationToken);

    /// <summary><c>GET /api/batches/{id}/timeline</c>.</summary>
    [Function("GetBatchTimeline")]
    public Task<IResult> GetBatchTimeline(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "batches/{id}/timeline")] HttpRequest req,
        string id,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        DashboardApiEndpoints.GetBatchTimelineAsync(id, req.HttpContext, jobs.Create<JobReader>(client), cancellationToken);

    /// <summary><c>GET /api/overview?window=…</c> or <c>?from=…&amp;to=…</c>.</summary>
    [Function("GetOverview")]
    public Task<IResult> GetOverview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "overview")] HttpRequest req,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        DashboardApiEndpoints.GetOverviewAsync(req.HttpContext, jobs.Create<JobOverviewReader>(client), time, cancellationToken);
}
