using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace MediaGen.Workflows.Generations;

/// <summary>
/// Makes a paid provider call buy at most once per job step, also when the host dies: a record blob per step
/// (<c>{StateContainer}/generations/{jobId}/{step}.json</c>; <see cref="Activities.GenerateActivity"/> uses <c>step-{n}</c>,
/// <see cref="Activities.PixazoSubmitActivity"/> <c>pixazo-submission-{n}</c>) is created and leased before the call and
/// holds the call's output after it. A re-executed activity (a host killed after the call, a
/// message delivered again) returns the recorded output and calls nothing; one that finds a claim whose lease lapsed (the
/// host died during the call, so it is unknown whether the provider sold something) does not call again either. A claim
/// whose lease is alive belongs to a running call: it is waited for. A call that failed with a known answer gives its
/// claim up, so an orchestration retry may call again.
/// </summary>
public sealed class GenerationLedger
{
    /// <summary>How long a claim's lease lasts without renewal (the Blob service's range is 15–60 s).</summary>
    public static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(15);

    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan WaitStep = TimeSpan.FromMilliseconds(500);

    private readonly BlobContainerClient _container;
    private readonly StateContainer _state;
    private readonly TimeProvider _time;

    /// <summary>Creates the ledger in the configured state container.</summary>
    public GenerationLedger(BlobServiceClient blobs, IOptions<WorkflowOptions> options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        _container = blobs.GetBlobContainerClient(options.Value.StateContainer);
        _state = new StateContainer(_container);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>
    /// Claims step <paramref name="step"/> of <paramref name="jobId"/> for a call, or says why not: its output is recorded
    /// (<see cref="GenerationClaim.Recorded"/>), or an earlier call was cut off mid-way (<see cref="GenerationClaim.Interrupted"/>).
    /// </summary>
    public async Task<GenerationClaim> ClaimAsync(string jobId, string step, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(jobId);
        ArgumentException.ThrowIfNullOrEmpty(step);
        await _state.EnsureAsync(cancellationToken).ConfigureAwait(false);
        var blob = _container.GetBlobClient($"generations/{jobId}/{step}.json");
        while (true)
        {
            try
            {
                await blob.UploadAsync(
                    BinaryData.FromObjectAsJson(new Record("calling", null), WorkflowJson.Options),
                    new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } },
                    cancellationToken).ConfigureAwait(false);
                var lease = blob.GetBlobLeaseClient();
                await lease.AcquireAsync(LeaseDuration, cancellationToken: cancellationToken).ConfigureAwait(false);
                return GenerationClaim.Claimed(new GenerationLease(blob, lease, RenewEvery));
            }
            catch (RequestFailedException ex) when (ex.Status is 409 or 412)
            {
                // Recorded or claimed before: read it below.
            }

            try
            {
                var content = await blob.DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                var record = JsonSerializer.Deserialize<Record>(content.Value.Content.ToMemory().Span, WorkflowJson.Options);
                if (record is { State: "done", Output: { } output })
                {
                    return GenerationClaim.Recorded(output);
                }

                var details = content.Value.Details;
                var young = _time.GetUtcNow() - details.LastModified < LeaseDuration;
                if (details.LeaseState != LeaseState.Leased && !young)
                {
                    return GenerationClaim.Interrupted;
                }
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Given up meanwhile: claim it again.
                continue;
            }

            // A live call holds it (or its claimant is between creating and leasing it): wait for its outcome.
            await Task.Delay(WaitStep, _time, cancellationToken).ConfigureAwait(false);
        }
    }


    /// <summary>A step's record: <c>calling</c> while claimed, then <c>done</c> with the output.</summary>
    internal sealed record Record(string State, JsonElement? Output);
}
