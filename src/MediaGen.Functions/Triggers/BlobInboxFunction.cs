using Azure.Storage.Blobs;
using MediaGen.Api.Triggers;

namespace MediaGen.Functions.Triggers;

/// <summary>
/// The inbox container (<c>%BlobInboxContainerName%</c>): each uploaded blob becomes a job of the intake caller
/// (<c>Api__IntakeCaller</c>) through the shared intake, its id derived from that caller and the blob's name and ETag, so a
/// repeated trigger for one upload finds the same job. An invalid blob is
/// logged and not retried (the function completes); a transient failure throws and the runtime retries it.
/// Two functions watch the container, one enabled at a time by the standard <c>AzureWebJobs.&lt;name&gt;.Disabled</c>
/// settings, and both run <see cref="StartAsync"/>, so an upload is one job whichever fires (or if both do):
/// <see cref="EventGridFunction"/> (Event Grid source, what the Flex Consumption plan supports; infra/main.bicep subscribes
/// it to the inbox container's BlobCreated events and disables the other) and <see cref="PollingFunction"/> (the polling
/// source, logs and container scan, which works on Azurite, which raises no Event Grid events; local.settings.sample.json
/// enables it and disables the Event Grid one).
/// </summary>
public sealed partial class BlobInboxFunction(
    JobServiceFactory jobs, CallerRoles roles, IOptions<InboxJobSettings> settings, TimeProvider time, ILogger<BlobInboxFunction> logger)
{
    /// <summary>The function fed by Event Grid's BlobCreated events.</summary>
    public const string EventGridFunction = "BlobInbox";

    /// <summary>The function fed by the host's polling of the container (logs and container scan).</summary>
    public const string PollingFunction = "BlobInboxPolling";

    /// <summary>The blob path both functions watch: the flat setting <see cref="TriggerNames.BlobInboxContainerName"/>.</summary>
    public const string PathExpression = "%" + nameof(TriggerNames.BlobInboxContainerName) + "%/{name}";

    /// <summary>Starts the job of one uploaded blob, announced by Event Grid.</summary>
    [Function(EventGridFunction)]
    public Task Run(
        [BlobTrigger(PathExpression, Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        StartAsync(blob, name, client, cancellationToken);

    /// <summary>Starts the job of one uploaded blob, found by polling the container.</summary>
    [Function(PollingFunction)]
    public Task RunPolling(
        [BlobTrigger(PathExpression, Source = BlobTriggerSource.LogsAndContainerScan, Connection = "AzureWebJobsStorage")] BlobClient blob,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken) =>
        StartAsync(blob, name, client, cancellationToken);

    /// <summary>The one intake of both functions: the job id comes from the blob alone, not from which function saw it.</summary>
    private async Task StartAsync(BlobClient blob, string name, DurableTaskClient client, CancellationToken cancellationToken)
    {
        var outcome = await InboxBlobIntake.StartAsync(blob, jobs.Create<JobStarter>(client), settings.Value, time.GetUtcNow(), roles.IntakeCaller, cancellationToken);
        if (outcome.Started is { } started)
        {
            LogStarted(logger, name, started.Id, !started.AlreadyExisted);
        }
        else
        {
            LogInvalid(logger, name, string.Join("; ", outcome.Errors?.Select(e => $"{e.Field}: {e.Message}") ?? []));
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Inbox blob {Blob} -> job {JobId} (created: {Created})")]
    private static partial void LogStarted(ILogger logger, string blob, string jobId, bool created);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Inbox blob {Blob} is not a valid job: {Errors}")]
    private static partial void LogInvalid(ILogger logger, string blob, string errors);
}
