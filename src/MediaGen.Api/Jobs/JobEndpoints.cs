using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Validation;
using MediaGen.Workflows;

namespace MediaGen.Api.Jobs;

/// <summary>The job routes: start, get, list, cancel. Each calls the job service and nothing else.</summary>
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
            .WithDescription("Validates the job fully, then starts it: 202 with Location and status/cancel URLs. The same idempotencyKey answers the existing job (200, same id); nothing new starts.")
            .WithMetadata(new DocumentedRequestBody(typeof(JobRequest)))
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .Produces<JobAccepted>(StatusCodes.Status202Accepted)
            .Produces<JobAccepted>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        jobs.MapGet("/", ListAsync)
            .WithName("ListJobs")
            .WithSummary("List jobs (and chains), newest pages first by creation time; filter by status and creation time")
            .WithDescription("Query: status (repeat or comma-separate: Pending, Running, Completed, Failed, Canceled), createdFrom, createdTo (ISO-8601 with zone), pageSize (1–1000, default 50; a filtered page may hold fewer), continuationToken (from the previous page).")
            .Produces<JobPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        jobs.MapGet("/{id}", GetAsync)
            .WithName("GetJob")
            .WithSummary("Get a job or chain: status, progress, stored items with blob URIs, error with its type")
            .Produces<JobState>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        jobs.MapPost("/{id}/cancel", CancelAsync)
            .WithName("CancelJob")
            .WithSummary("Cancel a job, chain or batch; it stops at its next step (items already stored stay)")
            .WithDescription("Optional query: reason. 202 when the cancel was requested, 409 when it had already ended, 404 when unknown.")
            .Produces<JobAccepted>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary><c>POST /api/jobs</c>: validates and starts a job.</summary>
    public static Task<IResult> StartAsync(HttpContext httpContext, RequestBody body, JobService jobs, CancellationToken cancellationToken) =>
        JobStarts.StartAsync(httpContext, body, jobs, "job", (json, ct) => jobs.StartJobAsync(json, null, ct, CallerIdentity.Of(httpContext)), cancellationToken);

    /// <summary><c>GET /api/jobs/{id}</c>: a job or chain, or 404.</summary>
    public static async Task<IResult> GetAsync(string id, JobService jobs, CancellationToken cancellationToken) =>
        JobStarts.IsPlausibleId(id) && await jobs.GetJobAsync(id, cancellationToken) is { } job
            ? TypedResults.Ok(job)
            : ProblemResults.NotFound($"No job or chain has the id '{id}'.");

    /// <summary><c>GET /api/jobs</c>: one page of jobs matching the query.</summary>
    public static async Task<IResult> ListAsync(HttpRequest request, JobService jobs, CancellationToken cancellationToken)
    {
        try
        {
            return TypedResults.Ok(await jobs.ListJobsAsync(JobListQueryParser.Parse(request.Query), cancellationToken));
        }
        catch (RequestValidationException ex)
        {
            return ProblemResults.Invalid(ex.Errors);
        }
    }

    /// <summary><c>POST /api/jobs/{id}/cancel</c>: requests the cancel of a job, chain or batch.</summary>
    public static async Task<IResult> CancelAsync(string id, string? reason, HttpContext httpContext, JobService jobs, CancellationToken cancellationToken)
    {
        if (reason is { Length: > 500 })
        {
            return ProblemResults.Invalid("reason", "length", "must be at most 500 characters");
        }

        var outcome = JobStarts.IsPlausibleId(id) ? await jobs.CancelJobAsync(id, reason, cancellationToken) : JobCancelResult.NotFound;
        if (outcome == JobCancelResult.CancelRequested)
        {
            var isBatch = await jobs.GetBatchAsync(id, cancellationToken) is not null;
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
