using System.Text.RegularExpressions;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Core.Providers.Validation;
using MediaGen.Core.Secrets;
using MediaGen.Workflows;
using MediaGen.Workflows.Budgets;

namespace MediaGen.Api.Jobs;

/// <summary>What the start routes share: read the body, let the job service validate and start, answer 202 or 200.</summary>
public static partial class JobStarts
{
    /// <summary>
    /// Reads the body and starts through <paramref name="start"/>; 400 naming the fields when anything is invalid. A job
    /// start that created a Pixazo job answers the webhook URL <paramref name="webhookUrlOf"/> gives it.
    /// </summary>
    public static async Task<IResult> StartAsync(
        HttpContext httpContext,
        RequestBody body,
        JobService jobs,
        string type,
        Func<ReadOnlyMemory<byte>, CancellationToken, Task<JobStartResult>> start,
        CancellationToken cancellationToken,
        Func<string, string?>? webhookUrlOf = null)
    {
        JobStartResult started;
        try
        {
            var json = await body.ReadJsonAsync(httpContext.Request, cancellationToken);
            started = await start(json, cancellationToken);
        }
        catch (RequestValidationException ex)
        {
            return ProblemResults.Invalid(ex.Errors);
        }
        catch (BudgetExceededException ex)
        {
            return ProblemResults.BudgetExceeded(ex);
        }
        catch (NotConfiguredException ex)
        {
            return ProblemResults.NotConfigured(ex);
        }

        var request = httpContext.Request;
        var access = CallerIdentity.AccessOf(httpContext);
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

        var accepted = new JobAccepted(started.Id, type, status, !started.AlreadyExisted, statusUri, JobLinks.Cancel(request, started.Id), webhook);
        httpContext.Response.Headers.Location = statusUri.AbsoluteUri;
        return started.AlreadyExisted ? TypedResults.Ok(accepted) : TypedResults.Accepted(statusUri, accepted);
    }

    /// <summary>Whether <paramref name="id"/> can name a job at all (anything else is simply not found).</summary>
    public static bool IsPlausibleId(string id) => IdPattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9._:-]{1,200}$")]
    private static partial Regex IdPattern();
}
