using MediaGen.Api.Jobs;
using MediaGen.Workflows.Overview;

namespace MediaGen.Api.Dashboard;

/// <summary>
/// The routes the operator dashboard adds to the job API (API key like every other): a job's details with a timeline,
/// history and preview links; re-run; purge of finished jobs. Each calls the job services and nothing else, as the calling
/// caller (<see cref="CallerIdentity.AccessOf"/>): another caller's job is a 404 and a purge deletes the caller's own
/// (an operator's: everyone's).
/// </summary>
public static class DashboardApiEndpoints
{
    /// <summary>Maps the routes onto <paramref name="api"/> (the API-key group under <c>/api</c>).</summary>
    /// <param name="api">The group.</param>
    public static RouteGroupBuilder MapDashboardApi(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var jobs = api.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapGet("/{id}/details", (string id, HttpContext http, JobReader service, MediaPreviewLinks links, CancellationToken ct) => GetDetailsAsync(id, http, service, links, ct))
            .WithName("GetJobDetails")
            .WithSummary("A job or chain with its request (secrets removed), a timeline, the orchestration's history and short-lived read links of its stored items")
            .WithDescription("404 when no job or chain of the calling caller has this id (operators see every caller's).")
            .Produces<JobDetails>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapGet("/{id}/previews", GetPreviewsAsync)
            .WithName("GetJobPreviews")
            .WithSummary("Short-lived read links of a job's stored items, for thumbnails: one read of the job (no history)")
            .WithDescription("One entry per stored item (none before the job completed). 404 when no job or chain of the calling caller has this id (operators see every caller's).")
            .Produces<IReadOnlyList<MediaPreview>>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/{id}/rerun", RerunAsync)
            .WithName("RerunJob")
            .WithSummary("Start a new job (or chain) with the same request; optional query idempotencyKey names the new one")
            .WithDescription("The new job belongs to the original's caller and is charged to that caller's budget. 202 with Location for the new job; 200 when idempotencyKey names an existing one; 404 when unknown or another caller's; 400 naming the field when the key or the old request is invalid; 402 when the new job does not fit the budget.")
            .Produces<JobAccepted>(StatusCodes.Status202Accepted)
            .Produces<JobAccepted>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/purge", PurgeAsync)
            .WithName("PurgeJobs")
            .WithSummary("Delete the records of the caller's finished jobs, chains and batches created before createdBefore (ISO-8601 with zone, not in the future); media stay")
            .WithDescription("A caller purges its own; an operator (Api__AdminCallers) purges every caller's.")
            .Produces<JobPurgeResult>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/batches/{id}/timeline", GetBatchTimelineAsync)
            .WithName("GetBatchTimeline")
            .WithTags("Batches")
            .WithSummary("When each started item of a batch ran (accepted and last changed, with its status), for the dashboard's Gantt chart")
            .WithDescription("One engine query per 500 items. 404 when no batch of the calling caller has this id (operators see every caller's).")
            .Produces<BatchTimeline>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/overview", GetOverviewAsync)
            .WithName("GetOverview")
            .WithTags("Jobs")
            .WithSummary("The dashboard's overview of a window: jobs per interval by status, p50/p95 durations per provider and kind, failures by error type and provider, spend per interval per caller with its budget, jobs in flight by phase")
            .WithDescription("Query: window=hour|day|week (ending now; default day) or from (ISO-8601 with zone) and optional to (default now), at most 31 days. Computed on the server from the jobs created in the window (one engine query per 1,000 instances, at most 50,000; read.complete says whether every one was counted) and the jobs in flight now. A caller counts its own jobs; an operator (Api__AdminCallers) every caller's. 400 naming the parameter when one is unknown or invalid.")
            .Produces<JobOverview>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    /// <summary><c>GET /api/batches/{id}/timeline</c>.</summary>
    public static async Task<IResult> GetBatchTimelineAsync(string id, HttpContext httpContext, JobReader jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        return JobStarts.IsPlausibleId(id) && await jobs.GetBatchTimelineAsync(id, CallerIdentity.AccessOf(httpContext), cancellationToken) is { } timeline
            ? TypedResults.Ok(timeline)
            : ProblemResults.NotFound($"No batch has the id '{id}'.");
    }

    /// <summary><c>GET /api/overview?window=…</c> or <c>?from=…&amp;to=…</c>.</summary>
    public static async Task<IResult> GetOverviewAsync(HttpContext httpContext, JobOverviewReader overview, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(overview);
        ArgumentNullException.ThrowIfNull(time);
        OverviewWindow window;
        try
        {
            window = OverviewQueryParser.Parse(httpContext.Request.Query, time.GetUtcNow());
        }
        catch (RequestValidationException ex)
        {
            return ProblemResults.Invalid(ex.Errors);
        }

        return TypedResults.Ok(await overview.ReadAsync(window, CallerIdentity.AccessOf(httpContext), cancellationToken));
    }

    /// <summary><c>GET /api/jobs/{id}/details</c>.</summary>
    public static async Task<IResult> GetDetailsAsync(
        string id, HttpContext httpContext, JobReader jobs, MediaPreviewLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(links);
        if (!JobStarts.IsPlausibleId(id) || await jobs.GetJobDetailsAsync(id, CallerIdentity.AccessOf(httpContext), cancellationToken) is not { } details)
        {
            return ProblemResults.NotFound($"No job or chain has the id '{id}'.");
        }

        return TypedResults.Ok(details with { Previews = await links.ForAsync(details.Job.Result, cancellationToken) });
    }

    /// <summary><c>GET /api/jobs/{id}/previews</c>.</summary>
    public static async Task<IResult> GetPreviewsAsync(
        string id, HttpContext httpContext, JobReader jobs, MediaPreviewLinks links, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        ArgumentNullException.ThrowIfNull(links);
        if (!JobStarts.IsPlausibleId(id) || await jobs.GetJobAsync(id, CallerIdentity.AccessOf(httpContext), cancellationToken) is not { } job)
        {
            return ProblemResults.NotFound($"No job or chain has the id '{id}'.");
        }

        return TypedResults.Ok(await links.ForAsync(job.Result, cancellationToken));
    }

    /// <summary><c>POST /api/jobs/{id}/rerun?idempotencyKey=…</c>.</summary>
    public static async Task<IResult> RerunAsync(string id, HttpContext httpContext, JobCommands commands, JobReader reader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(reader);
        var query = httpContext.Request.Query;
        if (Unknown(query, "idempotencyKey") is { } unknown)
        {
            return unknown;
        }

        var access = CallerIdentity.AccessOf(httpContext);
        var (started, refusal) = await JobStarts.TryStartAsync(async () => JobStarts.IsPlausibleId(id)
            ? await commands.RerunJobAsync(id, access, query["idempotencyKey"].FirstOrDefault(), cancellationToken)
            : null);
        if (started is null)
        {
            return refusal ?? ProblemResults.NotFound($"No job or chain has the id '{id}'.");
        }

        var type = JobOwner.LocalPart(started.Id).StartsWith("chain-", StringComparison.Ordinal) ? "chain" : "job";
        var status = (await reader.GetJobAsync(started.Id, access, cancellationToken))?.Status.ToString() ?? nameof(JobStatus.Pending);
        return JobStarts.Answer(httpContext, started, type, status, JobLinks.Job(httpContext.Request, started.Id));
    }

    /// <summary><c>POST /api/jobs/purge?createdBefore=…</c>.</summary>
    public static async Task<IResult> PurgeAsync(HttpRequest request, JobCommands jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(jobs);
        if (Unknown(request.Query, "createdBefore") is { } unknown)
        {
            return unknown;
        }

        var text = request.Query["createdBefore"];
        if (text.Count == 0)
        {
            return ProblemResults.Invalid("createdBefore", "required", "is required: finished jobs created before this time are purged (ISO-8601 with a zone)");
        }

        if (text.Count > 1 || !DateTimeOffset.TryParse(text[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out var before) || !HasZone(text[0]!))
        {
            return ProblemResults.Invalid("createdBefore", "format", "must be one ISO-8601 date and time with a zone, e.g. 2030-01-01T12:00:00Z");
        }

        try
        {
            return TypedResults.Ok(await jobs.PurgeFinishedJobsAsync(before, CallerIdentity.AccessOf(request.HttpContext), cancellationToken));
        }
        catch (RequestValidationException ex)
        {
            return ProblemResults.Invalid(ex.Errors);
        }
    }

    private static bool HasZone(string text) =>
        text.EndsWith('Z') || text.EndsWith('z') || text.Length > 6 && text[^6] is '+' or '-' && text[^3] == ':';

    private static IResult? Unknown(IQueryCollection query, string allowed)
    {
        var errors = query.Keys
            .Where(k => !k.Equals(allowed, StringComparison.OrdinalIgnoreCase) && !k.Equals(ApiKeyCheck.QueryName, StringComparison.OrdinalIgnoreCase))
            .Select(k => new ValidationError(k, "unknown_field", $"is not a query parameter (allowed: {allowed})"))
            .ToList();
        if (query[allowed].Count > 1)
        {
            errors.Add(new ValidationError(allowed, "duplicate", "is given more than once"));
        }

        return errors.Count == 0 ? null : ProblemResults.Invalid(errors);
    }
}
