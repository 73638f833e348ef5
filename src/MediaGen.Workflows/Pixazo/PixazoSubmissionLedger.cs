using System.Text.Json;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Microsoft.Extensions.Options;

namespace MediaGen.Workflows.Pixazo;

/// <summary>
/// Records each Pixazo submission's request id in a blob keyed by job and submission number
/// (<c>{StateContainer}/pixazo/{jobId}/submission-{n}.json</c>), so a submit activity that runs again — retried,
/// or re-executed after a crash once the answer was recorded — returns the recorded id instead of buying a second generation.
/// </summary>
public sealed class PixazoSubmissionLedger
{
    private readonly BlobContainerClient _container;
    private readonly StateContainer _state;

    /// <summary>Creates the ledger in the configured state container.</summary>
    public PixazoSubmissionLedger(BlobServiceClient blobs, IOptions<WorkflowOptions> options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        _container = blobs.GetBlobContainerClient(options.Value.StateContainer);
        _state = new StateContainer(_container);
    }

    /// <summary>The request id recorded for this submission, or null when it was never made.</summary>
    public async Task<string?> FindAsync(string jobId, int submission, CancellationToken cancellationToken = default)
    {
        await _state.EnsureAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var content = await Blob(jobId, submission).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return JsonSerializer.Deserialize<Record>(content.Value.Content.ToMemory().Span)?.RequestId;
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// Records the request id of a submission. When another run recorded one first, that one is kept and returned
    /// (the job follows a single request).
    /// </summary>
    public async Task<string> RecordAsync(string jobId, int submission, string requestId, CancellationToken cancellationToken = default)
    {
        await _state.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var body = BinaryData.FromObjectAsJson(new Record(requestId));
        try
        {
            await Blob(jobId, submission).UploadAsync(body, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken)
                .ConfigureAwait(false);
            return requestId;
        }
        catch (RequestFailedException ex) when (ex.Status is 409 or 412)
        {
            return await FindAsync(jobId, submission, cancellationToken).ConfigureAwait(false) ?? requestId;
        }
    }

    private BlobClient Blob(string jobId, int submission) =>
        _container.GetBlobClient($"pixazo/{jobId}/submission-{submission.ToString(System.Globalization.CultureInfo.InvariantCulture)}.json");


    private sealed record Record(string RequestId);
}
