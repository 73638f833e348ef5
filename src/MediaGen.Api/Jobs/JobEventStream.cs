namespace MediaGen.Api.Jobs;

/// <summary>
/// <c>GET /api/jobs/{id}/events</c>: a job's, chain's or batch's state as server-sent events, from one shared
/// <see cref="JobWatcher"/> loop per job. Each change is an <c>update</c> event whose data is the state as <c>GET</c>
/// answers it and whose id is its version; the final state is the <c>end</c> event, after which the stream ends. A quiet
/// stream gets a <c>: keep-alive</c> comment every <see cref="ApiOptions.EventStreamKeepAliveSeconds"/>. A reconnect
/// with <c>Last-Event-ID</c> resumes without repeating the state it names.
/// </summary>
public sealed class JobEventStream(string id, string type, JobReader reader, JobAccess access, JobWatcher watcher, ApiOptions options, TimeProvider time)
    : IResult
{
    /// <summary>The media type.</summary>
    public const string ContentType = "text/event-stream";

    /// <summary>What a stream looks like (the OpenAPI document's example).</summary>
    public const string Example =
        "id: 9f2c4e1a7b3d5f60\nevent: update\ndata: {\"id\":\"o1f3a09c2b7de-job-4b1d\",\"kind\":\"image\",\"provider\":\"cosmic\",\"status\":\"Running\",\"progress\":{\"phase\":\"generating\"}}\n\n"
        + ": keep-alive\n\n"
        + "id: 0c8e5a2f9d4b1e37\nevent: end\ndata: {\"id\":\"o1f3a09c2b7de-job-4b1d\",\"kind\":\"image\",\"provider\":\"cosmic\",\"status\":\"Completed\"}\n\n";

    private static readonly byte[] KeepAlive = ": keep-alive\n\n"u8.ToArray();

    /// <summary>The stream of <paramref name="id"/>; 410 when it expired, or 404 when <paramref name="httpContext"/>'s caller sees no job, chain or batch with it.</summary>
    public static async Task<IResult> OpenAsync(
        string id, HttpContext httpContext, JobReader reader, JobWatcher watcher, IOptions<ApiOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(options);
        var access = CallerIdentity.AccessOf(httpContext);
        if (JobStarts.IsPlausibleId(id))
        {
            foreach (var type in (string[])["job", "batch"])
            {
                if (await JobSnapshot.ReadAsync(reader, id, access, type, cancellationToken) is not null)
                {
                    return new JobEventStream(id, type, reader, access, watcher, options.Value, time);
                }
            }
        }

        return await ExpiredJobs.NotFoundOrGoneAsync(reader, id, access, null, $"No job, chain or batch has the id '{id}'.", cancellationToken);
    }

    /// <inheritdoc />
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var response = httpContext.Response;
        var aborted = httpContext.RequestAborted;
        var lastSent = httpContext.Request.Headers["Last-Event-ID"].FirstOrDefault();
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = ContentType;
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.FlushAsync(aborted);
        var keepAlive = TimeSpan.FromSeconds(options.EventStreamKeepAliveSeconds);
        var snapshots = watcher.WatchAsync(id, ct => JobSnapshot.ReadAsync(reader, id, access, type, ct), aborted).GetAsyncEnumerator(aborted);
        try
        {
            var next = snapshots.MoveNextAsync().AsTask();
            while (true)
            {
                using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(aborted))
                {
                    var tick = Task.Delay(keepAlive, time, quiet.Token);
                    if (await Task.WhenAny(next, tick) != next)
                    {
                        await response.Body.WriteAsync(KeepAlive, aborted);
                        await response.Body.FlushAsync(aborted);
                        continue;
                    }

                    await quiet.CancelAsync();
                }

                if (!await next)
                {
                    return;
                }

                var snapshot = snapshots.Current;
                if (snapshot.Version != lastSent)
                {
                    await WriteEventAsync(response, snapshot, aborted);
                    lastSent = snapshot.Version;
                }

                if (snapshot.IsFinal)
                {
                    return;
                }

                next = snapshots.MoveNextAsync().AsTask();
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client left; the job goes on.
        }
        finally
        {
            await snapshots.DisposeAsync();
        }
    }

    private static async Task WriteEventAsync(HttpResponse response, JobSnapshot snapshot, CancellationToken cancellationToken)
    {
        var head = Encoding.UTF8.GetBytes($"id: {snapshot.Version}\nevent: {(snapshot.IsFinal ? "end" : "update")}\ndata: ");
        await response.Body.WriteAsync(head, cancellationToken);
        await response.Body.WriteAsync(snapshot.Json, cancellationToken);
        await response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
