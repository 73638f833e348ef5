using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Storage;
using Azure.Storage.Blobs.Models;
using MediaGen.Launcher;
using MediaGen.Workflows.Generations;

namespace MediaGen.Workflows.Tests.EndToEnd;

/// <summary>
/// A paid call's claim whose lease lapsed while storage was unreachable (its renewals failed) still records the call's
/// output once storage answers (found by the storage-outage drive: the record's write was refused, the job failed
/// <c>internal_error</c>). Real Azurite; the outage is a pipeline policy failing the renewals as a refused connection does.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed class GenerationLeaseOutageTests(EndToEndFixture fixture)
{
    [Fact]
    public async Task Complete_LeaseLapsedWhileRenewalsFailed_OutputRecorded()
    {
        using var timeout = new CancellationTokenSource(Waits.HangGuard);
        var outage = new RenewalOutage();
        var options = new BlobClientOptions { Retry = { MaxRetries = 0 } };
        options.AddPolicy(outage, HttpPipelinePosition.PerRetry);
        var blobs = new BlobServiceClient(fixture.Blobs.Uri, new StorageSharedKeyCredential(AzuriteInstance.AccountName, AzuriteInstance.AccountKey), options);
        var ledger = new GenerationLedger(blobs, Options.Create(fixture.Workflows));
        var jobId = "job-" + Guid.NewGuid().ToString("N");
        var record = fixture.Blobs.GetBlobContainerClient(fixture.Workflows.StateContainer).GetBlobClient($"generations/{jobId}/step-0.json");

        var claim = await ledger.ClaimAsync(jobId, "step-0", timeout.Token);
        await using (var lease = claim.Lease!)
        {
            outage.Down = true;
            while ((await record.GetPropertiesAsync(cancellationToken: timeout.Token)).Value.LeaseState != LeaseState.Expired)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            }

            outage.Down = false;
            await lease.CompleteAsync(new[] { "bought" }, timeout.Token);
        }

        var again = await ledger.ClaimAsync(jobId, "step-0", timeout.Token);
        Assert.True(again.IsRecorded);
        Assert.Equal(["bought"], again.OutputAs<string[]>());
        Assert.True(outage.RefusedRenewals > 0);
    }

    /// <summary>Fails lease renewals as an unreachable storage account does while <see cref="Down"/>.</summary>
    private sealed class RenewalOutage : HttpPipelineSynchronousPolicy
    {
        private int _refused;
        private volatile bool _down;

        public bool Down
        {
            get => _down;
            set => _down = value;
        }

        public int RefusedRenewals => Volatile.Read(ref _refused);

        public override void OnSendingRequest(HttpMessage message)
        {
            if (Down && message.Request.Headers.TryGetValue("x-ms-lease-action", out var action) && action == "renew")
            {
                Interlocked.Increment(ref _refused);
                throw new RequestFailedException(0, "Connection refused (storage outage simulated)");
            }
        }
    }
}
