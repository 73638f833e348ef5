using System.Collections.Concurrent;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Validation;
using MediaGen.Workflows;

namespace MediaGen.Host.Listeners;

/// <summary>
/// Scans the inbox container (<see cref="TriggerNames.BlobInboxContainerName"/>): every blob without a current marker in the processed container becomes one job
/// of the intake caller (<c>Api__IntakeCaller</c>) through the intake the Functions blob trigger uses too
/// (<see cref="InboxBlobIntake"/>), then gets its marker (<see cref="InboxRecord"/>) — the job id, or the errors of an
/// invalid blob, which is not tried again until it is re-uploaded. What was processed lives in storage, not memory,
/// so a restarted host starts no second job; two hosts scanning together derive the same idempotency key from the
/// blob's name and ETag (or the spec's idempotency key), so the job service answers the second with the first one's job. Inbox blobs are never
/// modified (that would change their ETag).
/// </summary>
public sealed partial class BlobInboxListener(
    BlobServiceClient blobs,
    JobStarter jobs,
    CallerRoles roles,
    IOptions<BlobInboxOptions> options,
    IOptions<TriggerNames> names,
    TimeProvider time,
    ILogger<BlobInboxListener> logger) : BackgroundService
{
    /// <summary>Marker metadata: the inbox blob's ETag the marker is for.</summary>
    public const string SourceETagMetadata = "sourceetag";

    private readonly BlobInboxOptions _settings = options.Value;
    private readonly BlobContainerClient _inbox = blobs.GetBlobContainerClient(names.Value.BlobInboxContainerName);
    private readonly BlobContainerClient _processed = blobs.GetBlobContainerClient(options.Value.ProcessedContainerName);

    // Transient failures per blob upload; only paces giving up, so losing it on restart merely restarts the count.
    private readonly ConcurrentDictionary<string, int> _attempts = new(StringComparer.Ordinal);

    /// <inheritdoc />
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!_settings.Enabled)
        {
            return;
        }

        var ready = false;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!ready)
                {
                    await _inbox.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    await _processed.CreateIfNotExistsAsync(cancellationToken: stoppingToken).ConfigureAwait(false);
                    ready = true;
                }

                await ScanAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or AggregateException)
            {
                // Storage unreachable or failing: keep scanning; nothing was recorded, so nothing is lost.
                LogScanFailed(logger, _inbox.Name, ex);
            }

            try
            {
                await Task.Delay(_settings.PollingInterval, time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
        }
    }

    /// <summary>One pass over the inbox: processes every blob whose marker is missing or for another ETag.</summary>
    private async Task ScanAsync(CancellationToken cancellationToken)
    {
        var done = new Dictionary<string, string>(StringComparer.Ordinal);
        await foreach (var marker in _processed.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
        {
            if (marker.Metadata.TryGetValue(SourceETagMetadata, out var etag))
            {
                done[marker.Name] = InboxJobFactory.NormalizeETag(etag);
            }
        }

        await foreach (var blob in _inbox.GetBlobsAsync(new GetBlobsOptions { Traits = BlobTraits.Metadata }, cancellationToken).ConfigureAwait(false))
        {
            var etag = InboxJobFactory.NormalizeETag(blob.Properties.ETag?.ToString() ?? "");
            if (done.TryGetValue(blob.Name, out var processedETag) && processedETag == etag)
            {
                continue;
            }

            await ProcessAsync(blob, etag, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ProcessAsync(BlobItem blob, string etag, CancellationToken cancellationToken)
    {
        var attemptKey = blob.Name + "|" + etag;
        try
        {
            // The one intake both hosts share (the Functions blob trigger calls it too).
            var intake = await InboxBlobIntake.StartAsync(_inbox, blob, jobs, _settings, time.GetUtcNow(), roles.IntakeCaller, cancellationToken).ConfigureAwait(false);
            if (intake.Started is not { } outcome)
            {
                var errors = intake.Errors ?? [];
                await RecordAsync(blob.Name, etag, "failed", null, errors, intake.BudgetRefused ? JobErrorCodes.BudgetExceeded : "invalid", cancellationToken).ConfigureAwait(false);
                LogInvalid(logger, blob.Name, errors.Count);
                return;
            }

            await RecordAsync(blob.Name, etag, "started", outcome.Id, null, null, cancellationToken).ConfigureAwait(false);
            _attempts.TryRemove(attemptKey, out _);
            LogStarted(logger, blob.Name, outcome.Id, !outcome.AlreadyExisted);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (RequestFailedException ex) when (ex.Status == 412 || ex.Status == 404)
        {
            // Overwritten or deleted since it was listed: the next scan sees the current upload, if any.
            _attempts.TryRemove(attemptKey, out _);
        }
        catch (Exception ex)
        {
            // The scan must survive anything one blob does; the blob is tried again on the next scan (a repeated
            // start is harmless: same idempotency key, same job) and recorded as failed after MaxAttempts.
            var attempts = _attempts.AddOrUpdate(attemptKey, 1, (_, n) => n + 1);
            LogFailed(logger, blob.Name, attempts, _settings.MaxAttempts, ex);
            if (attempts >= _settings.MaxAttempts)
            {
                _attempts.TryRemove(attemptKey, out _);
                await RecordAsync(blob.Name, etag, "failed", null,
                    [new ValidationError("$", "failed", $"failed {attempts} times; last: {ex.GetType().Name}: {ex.Message}")], "gave_up", cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task RecordAsync(
        string name, string etag, string status, string? jobId, IReadOnlyList<ValidationError>? errors, string? reason, CancellationToken cancellationToken)
    {
        var record = new InboxRecord(name, etag, status, jobId, errors?.Take(50).ToList(), time.GetUtcNow(), reason);
        var metadata = new Dictionary<string, string> { [SourceETagMetadata] = etag, ["status"] = status };
        if (jobId is not null)
        {
            metadata["jobid"] = jobId;
        }

        if (reason is not null)
        {
            metadata["reason"] = reason;
        }

        await _processed.GetBlobClient(name).UploadAsync(
            BinaryData.FromObjectAsJson(record, HostJson.Options),
            new BlobUploadOptions { Metadata = metadata, HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" } },
            cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox blob {Blob} -> job {JobId} (created: {Created})")]
    private static partial void LogStarted(ILogger logger, string blob, string jobId, bool created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox blob {Blob} is not a valid job ({ErrorCount} errors); recorded as failed")]
    private static partial void LogInvalid(ILogger logger, string blob, int errorCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox blob {Blob} failed (attempt {Attempt} of {MaxAttempts})")]
    private static partial void LogFailed(ILogger logger, string blob, int attempt, int maxAttempts, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Scanning inbox container {Container} failed; retrying")]
    private static partial void LogScanFailed(ILogger logger, string container, Exception exception);
}
