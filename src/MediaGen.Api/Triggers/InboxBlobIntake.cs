using Azure.Storage.Blobs;
using MediaGen.Core.Providers.Validation;
using MediaGen.Workflows;
using MediaGen.Workflows.Budgets;

namespace MediaGen.Api.Triggers;

/// <summary>
/// One inbox blob, addressed by its client (as the Functions blob trigger hands it over), into one job of the intake caller
/// (<see cref="CallerRoles.IntakeCaller"/>): the job id derives from that caller and the blob's name and ETag
/// (<see cref="InboxJobFactory.InstanceId"/>), so a re-delivery finds the same job.
/// </summary>
public static class InboxBlobIntake
{
    /// <summary>Starts the blob's job as <paramref name="caller"/>; an invalid blob answers its errors (permanent: retrying cannot help).</summary>
    public static async Task<IntakeOutcome> StartAsync(
        BlobClient blob, JobService jobs, InboxJobSettings settings, DateTimeOffset now, string caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        ArgumentNullException.ThrowIfNull(jobs);
        // The job's trace starts here, whichever host saw the blob.
        using var span = IntakeSpans.InboxBlob(blob.BlobContainerName);

        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        var etag = InboxJobFactory.NormalizeETag(properties.ETag.ToString());
        try
        {
            var json = await InboxJobFactory.CreateAsync(blob, properties.ETag, properties.ContentLength, properties.Metadata, settings, now, cancellationToken).ConfigureAwait(false);
            var started = await jobs.StartJobAsync(json, InboxJobFactory.InstanceId(blob.BlobContainerName, blob.Name, etag), cancellationToken, caller).ConfigureAwait(false);
            IntakeSpans.Started(span, started.Id);
            return new IntakeOutcome(started, null);
        }
        catch (RequestValidationException ex)
        {
            IntakeSpans.Started(span, null);
            return new IntakeOutcome(null, ex.Errors);
        }
        catch (BudgetExceededException ex)
        {
            return new IntakeOutcome(null, [ProblemResults.BudgetError(ex.Refusal)]);
        }
    }
}
