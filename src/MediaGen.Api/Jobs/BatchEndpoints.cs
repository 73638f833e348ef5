namespace MediaGen.Api.Jobs;

/// <summary>The batch and chain routes: start a batch, get a batch with per-item status, start a video extension chain.</summary>
public static class BatchEndpoints
{
    /// <summary>Maps the routes onto <paramref name="api"/> (the API-key group under <c>/api</c>).</summary>
    public static RouteGroupBuilder MapBatchesAndChains(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/batches", StartBatchAsync)
            .WithName("StartBatch")
            .WithTags("Batches")
            .WithSummary("Start a batch of jobs (fan-out with a concurrency cap; one failing item never fails the others)")
            .WithDescription("Every item is validated before anything starts (errors name items[i].field). 202 with Location; the same idempotencyKey from the same caller answers the existing batch (200). The batch and its items belong to the calling key's caller.")
            .WithMetadata(new DocumentedRequestBody(typeof(BatchRequest)), new DocumentedPreferWait())
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .Produces<JobAccepted>(StatusCodes.Status202Accepted)
            .Produces<BatchState>(StatusCodes.Status201Created)
            .Produces<JobAccepted>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapGet("/batches/{id}", GetBatchAsync)
            .WithName("GetBatch")
            .WithTags("Batches")
            .WithSummary("Get a batch: status, counts and every item's status (read an item's result at /api/jobs/{itemId})")
            .WithDescription("404 when no batch of the calling caller has this id (operators see every caller's). 410 when it expired (Retention__Days after it ended, its expiresAt): the problem names when (expiredAt).")
            .Produces<BatchState>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        api.MapPost("/chains", StartChainAsync)
            .WithName("StartChain")
            .WithTags("Chains")
            .WithSummary("Start a Cosmic video extension chain: a video (or an existing media id), then one 8 s extension per prompt")
            .WithDescription("Each segment is stored as it lands; a failing step keeps the segments before it. Read it at /api/jobs/{id}.")
            .WithMetadata(new DocumentedRequestBody(typeof(ChainRequest)), new DocumentedPreferWait())
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status402PaymentRequired)
            .Produces<JobAccepted>(StatusCodes.Status202Accepted)
            .Produces<JobState>(StatusCodes.Status201Created)
            .Produces<JobAccepted>(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    /// <summary><c>POST /api/batches</c>: validates and starts a batch.</summary>
    public static Task<IResult> StartBatchAsync(
        HttpContext httpContext, RequestBody body, JobStarter starter, JobReader reader, JobWatcher watcher, CancellationToken cancellationToken) =>
        JobStarts.StartAsync(httpContext, body, reader, watcher, "batch", (json, ct) => starter.StartBatchAsync(json, null, ct, CallerIdentity.Of(httpContext)), cancellationToken);

    /// <summary><c>POST /api/chains</c>: validates and starts a chain.</summary>
    public static Task<IResult> StartChainAsync(
        HttpContext httpContext, RequestBody body, JobStarter starter, JobReader reader, JobWatcher watcher, CancellationToken cancellationToken) =>
        JobStarts.StartAsync(httpContext, body, reader, watcher, "chain", (json, ct) => starter.StartChainAsync(json, null, ct, CallerIdentity.Of(httpContext)), cancellationToken);

    /// <summary><c>GET /api/batches/{id}</c>: a batch of the caller with its items; 410 once it expired, else 404.</summary>
    public static async Task<IResult> GetBatchAsync(string id, HttpContext httpContext, JobReader jobs, CancellationToken cancellationToken)
    {
        var access = CallerIdentity.AccessOf(httpContext);
        return JobStarts.IsPlausibleId(id) && await jobs.GetBatchAsync(id, access, cancellationToken) is { } batch
            ? TypedResults.Ok(batch)
            : await ExpiredJobs.NotFoundOrGoneAsync(jobs, id, access, "batch", $"No batch has the id '{id}'.", cancellationToken);
    }
}
