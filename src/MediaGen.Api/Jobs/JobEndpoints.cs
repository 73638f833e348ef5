using MediaGen.Workflows.Pixazo;

namespace MediaGen.Api.Jobs;

/// <summary>
/// The job routes: start, get, list, cancel. Each calls the job service and nothing else, as the calling caller
/// (<see cref="CallerIdentity.AccessOf"/>): another caller's job is a 404, as if it did not exist, and lists hold the
/// caller's own jobs (an operator's: everyone's).
/// </summary>
public static class JobEndpoints
{
    /// <summary>Maps the routes onto <paramref name="api"/> (the API-key group under <c>/api</c>).</summary>
    public static RouteGroupBuilder MapJobs(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var jobs = api.MapGroup("/jobs").WithTags("Jobs");
        jobs.MapPost("/", StartAsync)
            .WithName("StartJob")
            .WithSummary("Start a job")
            .WithDescription("Validates the job fully, then starts it as the calling key's caller: 202 with Location and status/cancel URLs. The same idempotencyKey from the same caller answers the existing job (200, same id, no pixazoWebhookUri); nothing new starts. Another caller's equal key names another job.")
            .WithMetadata(new DocumentedRequestBody(typeof(JobRequest)), new DocumentedPreferWait())
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .Produces<JobAccepted>(StatusCodes.Status202Accepted)
            .Produces<JobState>(StatusCodes.Status201Created)
            .Produces<JobAccepted>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        jobs.MapGet("/", ListAsync)
            .WithName("ListJobs")
            .WithSummary("List the caller's jobs (and chains; an operator's list holds every caller's); filter by status, creation time, kind, provider, text and caller")
            .WithDescription("Query: status (repeat or comma-separate: Pending, Running, Completed, Failed, Canceled), createdFrom, createdTo (ISO-8601 with zone), kind, provider, q (text in the id or idempotency key), caller (operators: that caller's jobs; others: their own name, any other finds nothing), pageSize (1–1000, default 50: instances read for the page, one storage query; a filtered page may hold fewer), continuationToken (from the previous page).")
            .Produces<JobPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        jobs.MapGet("/{id}", GetAsync)
            .WithName("GetJob")
            .WithSummary("Get a job or chain: status, progress, stored items with blob URIs, error with its type, and whose it is (caller)")
            .WithDescription("404 when no job of the calling caller has this id: another caller's job is not found either (operators see every caller's). 410 when it expired: its retention period (Retention__Days after it ended, its expiresAt) passed and its record and media were deleted; the problem carries id, jobStatus, finishedAt and expiredAt.")
            .Produces<JobState>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone)
            .WithMetadata(
                new DocumentedExample(StatusCodes.Status200OK, "application/json", ExpiredJobs.JobExample),
                new DocumentedExample(StatusCodes.Status410Gone, "application/problem+json", ExpiredJobs.GoneExample));
        jobs.MapGet("/{id}/events", EventsAsync)
            .WithName("JobEvents")
            .WithSummary("Follow a job, chain or batch as server-sent events until it ends")
            .WithDescription("Each change of status or progress (phase, provider status, items stored, cost; a batch's item counts) is an `update` event whose data is the state as GET answers it and whose id is that state's version; the final state is the `end` event, then the stream ends. A `: keep-alive` comment comes every 15 s (Api__EventStreamKeepAliveSeconds) while nothing changes. Reconnect with `Last-Event-ID` to resume without the state already received. One storage read per job per interval, however many clients follow it. 404 when unknown or another caller's; 410 when it expired.")
            .Produces(StatusCodes.Status200OK, contentType: JobEventStream.ContentType)
            .WithMetadata(new DocumentedExample(StatusCodes.Status200OK, JobEventStream.ContentType, JobEventStream.Example))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        jobs.MapPost("/{id}/cancel", CancelAsync)
            .WithName("CancelJob")
            .WithSummary("Cancel a job, chain or batch; it stops at its next step (items already stored stay)")
            .WithDescription("Optional query: reason. 202 when the cancel was requested, 409 when it had already ended, 404 when unknown or another caller's.")
            .Produces<JobAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary><c>POST /api/jobs</c>: validates and starts a job.</summary>
    public static Task<IResult> StartAsync(
        HttpContext httpContext, RequestBody body, JobStarter starter, JobReader reader, JobWatcher watcher, PixazoWebhooks webhooks,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(starter);
        ArgumentNullException.ThrowIfNull(webhooks);
        return JobStarts.StartAsync(
            httpContext, body, reader, watcher, "job", (json, ct) => starter.StartJobAsync(json, null, ct, CallerIdentity.Of(httpContext)), cancellationToken, webhooks.UrlFor);
    }

    /// <summary><c>GET /api/jobs/{id}</c>: a job or chain of the caller; 410 once it expired, else 404.</summary>
    public static async Task<IResult> GetAsync(string id, HttpContext httpContext, JobReader jobs, CancellationToken cancellationToken)
    {
        var access = CallerIdentity.AccessOf(httpContext);
        return JobStarts.IsPlausibleId(id) && await jobs.GetJobAsync(id, access, cancellationToken) is { } job
            ? TypedResults.Ok(job)
            : await ExpiredJobs.NotFoundOrGoneAsync(jobs, id, access, "job", $"No job or chain has the id '{id}'.", cancellationToken);
    }

    /// <summary><c>GET /api/jobs</c>: one page of the caller's jobs matching the query.</summary>
    public static async Task<IResult> ListAsync(HttpRequest request, JobReader jobs, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return TypedResults.Ok(await jobs.ListJobsAsync(JobListQueryParser.Parse(request.Query), CallerIdentity.AccessOf(request.HttpContext), cancellationToken));
        }
        catch (RequestValidationException ex)
        {
            return ProblemResults.Invalid(ex.Errors);
        }
    }

    /// <summary><c>GET /api/jobs/{id}/events</c>: a job's, chain's or batch's changes as server-sent events, until it ends.</summary>
    public static Task<IResult> EventsAsync(
        string id, HttpContext httpContext, JobReader reader, JobWatcher watcher, IOptions<ApiOptions> options, TimeProvider time, CancellationToken cancellationToken) =>
        JobEventStream.OpenAsync(id, httpContext, reader, watcher, options, time, cancellationToken);

    /// <summary><c>POST /api/jobs/{id}/cancel</c>: requests the cancel of a job, chain or batch.</summary>
    public static async Task<IResult> CancelAsync(
        string id, string? reason, HttpContext httpContext, JobCommands commands, JobReader reader, CancellationToken cancellationToken)
    {
        if (reason is { Length: > 500 })
        {
            return ProblemResults.Invalid("reason", "length", "must be at most 500 characters");
        }

        var access = CallerIdentity.AccessOf(httpContext);
        var outcome = JobStarts.IsPlausibleId(id) ? await commands.CancelJobAsync(id, access, reason, cancellationToken) : JobCancelResult.NotFound;
        if (outcome == JobCancelResult.CancelRequested)
        {
            var isBatch = await reader.GetBatchAsync(id, access, cancellationToken) is not null;
            var statusUri = isBatch ? JobLinks.Batch(httpContext.Request, id) : JobLinks.Job(httpContext.Request, id);
            return TypedResults.Accepted(statusUri,
                new JobAccepted(id, isBatch ? "batch" : "job", "Canceling", false, statusUri, JobLinks.Cancel(httpContext.Request, id)));
        }

        return outcome switch
        {
            JobCancelResult.AlreadyFinished => Results.Problem(title: "Already finished", detail: $"'{id}' has already ended; nothing changed.", statusCode: StatusCodes.Status409Conflict),
            _ => ProblemResults.NotFound($"No job, chain or batch has the id '{id}'."),
        };
    }
}
