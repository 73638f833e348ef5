using System.Text.RegularExpressions;

namespace MediaGen.Api.Jobs;

/// <summary>What the start routes share: read the body, let the job service validate and start, answer 202 or 200.</summary>
public static partial class JobStarts
{
    /// <summary>
    /// Reads the body and starts through <paramref name="start"/>; 400 naming the fields when anything is invalid. A job
    /// start that created a Pixazo job answers the webhook URL <paramref name="webhookUrlOf"/> gives it. With
    /// <c>Prefer: wait[=N]</c> (<see cref="PreferWait"/>) it first waits up to N s for the job to end, through
    /// <paramref name="watcher"/>: ended, the answer is the final state (201 when this start created it, 200 when it
    /// existed); still running, the usual 202. Either way with <c>Preference-Applied: wait=N</c>. A caller that hangs up
    /// ends the wait, never the job.
    /// </summary>
    public static async Task<IResult> StartAsync(
        HttpContext httpContext,
        RequestBody body,
        JobReader jobs,
        JobWatcher watcher,
        string type,
        Func<ReadOnlyMemory<byte>, CancellationToken, Task<JobStartResult>> start,
        CancellationToken cancellationToken,
        Func<string, string?>? webhookUrlOf = null)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(watcher);
        TimeSpan? wait;
        try
        {
            wait = PreferWait.Parse(httpContext.Request.Headers);
        }
        catch (RequestValidationException ex)
        {
            return ProblemResults.Invalid(ex.Errors);
        }

        var (started, refusal) = await TryStartAsync(async () => await start(await body.ReadJsonAsync(httpContext.Request, cancellationToken), cancellationToken));
        if (started is null)
        {
            return refusal!;
        }

        var request = httpContext.Request;
        var access = CallerIdentity.AccessOf(httpContext);
        if (wait is { } seconds)
        {
            var snapshotType = type == "batch" ? "batch" : "job";
            var final = await watcher.WaitForFinalAsync(
                started.Id, ct => JobSnapshot.ReadAsync(jobs, started.Id, access, snapshotType, ct), seconds, cancellationToken);
            httpContext.Response.Headers[PreferWait.AppliedHeader] = $"wait={(int)seconds.TotalSeconds}";
            if (final is not null)
            {
                httpContext.Response.Headers.Location = (type == "batch" ? JobLinks.Batch(request, started.Id) : JobLinks.Job(request, started.Id)).AbsoluteUri;
                return Results.Text(
                    Encoding.UTF8.GetString(final.Json), "application/json", Encoding.UTF8, started.AlreadyExisted ? StatusCodes.Status200OK : StatusCodes.Status201Created);
            }
        }

        string status;
        Uri? webhook = null;
        Uri statusUri;
        if (type == "batch")
        {
            status = (await jobs.GetBatchAsync(started.Id, access, cancellationToken))?.Status.ToString() ?? nameof(JobStatus.Pending);
            statusUri = JobLinks.Batch(request, started.Id);
        }
        else
        {
            var job = await jobs.GetJobAsync(started.Id, access, cancellationToken);
            status = job?.Status.ToString() ?? nameof(JobStatus.Pending);
            statusUri = JobLinks.Job(request, started.Id);

            // Only the start that created the job is told its webhook URL: a repeat of the key is no proof of being its creator.
            if (!started.AlreadyExisted && job?.Provider == ProviderName.Pixazo && webhookUrlOf?.Invoke(started.Id) is { } url)
            {
                webhook = new Uri(url);
            }
        }

        return Answer(httpContext, started, type, status, statusUri, webhook);
    }

    /// <summary>
    /// Runs <paramref name="start"/>; a refusal (invalid request, budget exceeded, callbacks not configured) is answered
    /// as its problem (400, 402, 503) instead of a result. A null result (nothing to start from) comes back as is.
    /// </summary>
    public static async Task<(JobStartResult? Started, IResult? Refusal)> TryStartAsync(Func<Task<JobStartResult?>> start)
    {
        ArgumentNullException.ThrowIfNull(start);
        try
        {
            return (await start(), null);
        }
        catch (RequestValidationException ex)
        {
            return (null, ProblemResults.Invalid(ex.Errors));
        }
        catch (BudgetExceededException ex)
        {
            return (null, ProblemResults.BudgetExceeded(ex));
        }
        catch (NotConfiguredException ex)
        {
            return (null, ProblemResults.NotConfigured(ex));
        }
    }

    /// <summary>The answer to a start: 202 with <c>Location</c> when it started something, 200 when the id existed already.</summary>
    public static IResult Answer(HttpContext httpContext, JobStartResult started, string type, string status, Uri statusUri, Uri? webhook = null)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(started);
        ArgumentNullException.ThrowIfNull(statusUri);
        var accepted = new JobAccepted(started.Id, type, status, !started.AlreadyExisted, statusUri, JobLinks.Cancel(httpContext.Request, started.Id), webhook);
        httpContext.Response.Headers.Location = statusUri.AbsoluteUri;
        return started.AlreadyExisted ? TypedResults.Ok(accepted) : TypedResults.Accepted(statusUri, accepted);
    }

    /// <summary>Whether <paramref name="id"/> can name a job at all (anything else is simply not found).</summary>
    public static bool IsPlausibleId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,200}$")]
    private static partial Regex IdPattern();
}
