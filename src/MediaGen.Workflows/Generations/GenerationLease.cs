using Azure;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;

namespace MediaGen.Workflows.Generations;

/// <summary>
/// A claimed step of the <see cref="GenerationLedger"/>: its blob lease is renewed in the background while the provider
/// call runs, so the claim lapses only when this process dies.
/// </summary>
public sealed class GenerationLease : IAsyncDisposable
{
    private readonly BlobClient _blob;
    private readonly BlobLeaseClient _lease;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _renewing;

    internal GenerationLease(BlobClient blob, BlobLeaseClient lease, TimeSpan renewEvery)
    {
        _blob = blob;
        _lease = lease;
        _renewing = RenewAsync(renewEvery, _stop.Token);
    }

    /// <summary>Records the call's output (a later run of the step returns it) and ends the claim.</summary>
    public async Task CompleteAsync<T>(T output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        await StopRenewingAsync().ConfigureAwait(false);
        var record = BinaryData.FromObjectAsJson(
            new GenerationLedger.Record("done", JsonSerializer.SerializeToElement(output, WorkflowJson.Options)), WorkflowJson.Options);
        await UnderLeaseAsync(() => _blob.UploadAsync(
            record, new BlobUploadOptions { Conditions = new BlobRequestConditions { LeaseId = _lease.LeaseId } }, cancellationToken), cancellationToken).ConfigureAwait(false);
        await _lease.ReleaseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the claim after a call that failed with a known answer, so a retry of the step may call again.</summary>
    public async Task GiveUpAsync(CancellationToken cancellationToken = default)
    {
        await StopRenewingAsync().ConfigureAwait(false);
        await UnderLeaseAsync(() => _blob.DeleteAsync(DeleteSnapshotsOption.None, new BlobRequestConditions { LeaseId = _lease.LeaseId }, cancellationToken), cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>
    /// Runs a write conditioned on the lease, through a storage outage; if the lease lapsed meanwhile (its renewals failed
    /// while storage was unreachable), renews it and writes again. The Blob service renews a lapsed lease as long as nobody leased the blob
    /// since, and nobody else leases a claimed step's record: the claim is still this call's.
    /// </summary>
    private async Task UnderLeaseAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        // The call's outcome is known only here: while storage is unavailable the write is tried again (2 s, doubling to
        // 30 s, about 3 minutes) rather than lost, which would leave the step looking cut off mid-call.
        var delay = TimeSpan.FromSeconds(2);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await WriteUnderLeaseAsync(write, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex) when (attempt < 10 && MediaGen.Core.Storage.StorageOutage.IsUnavailable(ex))
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
            }
        }
    }

    private async Task WriteUnderLeaseAsync<T>(Func<Task<T>> write, CancellationToken cancellationToken)
    {
        try
        {
            await write().ConfigureAwait(false);
        }
        catch (RequestFailedException ex) when (ex.ErrorCode == BlobErrorCode.LeaseNotPresentWithBlobOperation)
        {
            await _lease.RenewAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            await write().ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopRenewingAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task StopRenewingAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }

        await _renewing.ConfigureAwait(false);
    }

    private async Task RenewAsync(TimeSpan every, CancellationToken stop)
    {
        try
        {
            while (true)
            {
                await Task.Delay(every, stop).ConfigureAwait(false);
                try
                {
                    await _lease.RenewAsync(cancellationToken: stop).ConfigureAwait(false);
                }
                catch (RequestFailedException)
                {
                    // A missed renewal is tried again; the lease lasts three renewal periods.
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
