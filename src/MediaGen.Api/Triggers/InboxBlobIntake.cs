using Azure;
using Azure.Storage.Blobs.Models;

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
        BlobClient blob, JobStarter jobs, InboxJobSettings settings, DateTimeOffset now, string caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(blob);
        // The job's trace starts here, whichever host saw the blob.
        using var span = IntakeSpans.InboxBlob(blob.BlobContainerName);
        var properties = (await blob.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false)).Value;
        return await StartAsync(span, blob, properties.ETag, properties.ContentLength, properties.Metadata, jobs, settings, now, caller, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts the job of a blob as listed in <paramref name="inbox"/> (the standalone host's scan: the listing already
    /// carries its ETag, length and metadata); otherwise as <see cref="StartAsync(BlobClient, JobStarter, InboxJobSettings, DateTimeOffset, string, CancellationToken)"/>.
    /// </summary>
    public static async Task<IntakeOutcome> StartAsync(
        BlobContainerClient inbox, BlobItem blob, JobStarter jobs, InboxJobSettings settings, DateTimeOffset now, string caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inbox);
        ArgumentNullException.ThrowIfNull(blob);
        using var span = IntakeSpans.InboxBlob(inbox.Name);
        return await StartAsync(span, inbox.GetBlobClient(blob.Name), blob.Properties.ETag, blob.Properties.ContentLength, blob.Metadata, jobs, settings, now, caller, cancellationToken)
            .ConfigureAwait(false);
    }

    private static async Task<IntakeOutcome> StartAsync(
        System.Diagnostics.Activity? span, BlobClient blob, ETag? etag, long? contentLength, IDictionary<string, string>? metadata,
        JobStarter jobs, InboxJobSettings settings, DateTimeOffset now, string caller, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(jobs);
        try
        {
            var json = await InboxJobFactory.CreateAsync(blob, etag, contentLength, metadata, settings, now, cancellationToken).ConfigureAwait(false);
            var id = InboxJobFactory.InstanceId(blob.BlobContainerName, blob.Name, InboxJobFactory.NormalizeETag(etag?.ToString() ?? ""));
            var started = await jobs.StartJobAsync(json, id, cancellationToken, caller).ConfigureAwait(false);
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
            return new IntakeOutcome(null, [ProblemResults.BudgetError(ex.Refusal)], BudgetRefused: true);
        }
    }
}
