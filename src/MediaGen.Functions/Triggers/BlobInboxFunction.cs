using Azure.Storage.Blobs;
using MediaGen.Api;
using MediaGen.Api.Triggers;
using MediaGen.Functions.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace MediaGen.Functions.Triggers;

/// <summary>
/// The inbox container: each uploaded blob becomes a job of the intake caller (<c>Api__IntakeCaller</c>) through the
/// shared intake, its id derived from that caller and the blob's name
/// and ETag, so a repeated trigger for one upload finds the same job. An invalid blob is logged and not retried (the
/// function completes); a transient failure throws and the runtime retries it. The Event Grid source is what the Flex
/// Consumption plan supports (infra/main.bicep subscribes the function to the inbox container's BlobCreated events).
/// </summary>
public sealed partial class BlobInboxFunction(
    JobServiceFactory jobs, CallerRoles roles, IOptions<InboxJobSettings> settings, TimeProvider time, ILogger<BlobInboxFunction> logger)
{
    /// <summary>Starts the job of one uploaded blob.</summary>
    [Function("BlobInbox")]
    public async Task Run(
        [BlobTrigger("%BlobInbox:ContainerName%/{name}", Source = BlobTriggerSource.EventGrid, Connection = "AzureWebJobsStorage")] BlobClient blob,
        string name,
        [DurableClient] DurableTaskClient client,
        CancellationToken cancellationToken)
    {
        var outcome = await InboxBlobIntake.StartAsync(blob, jobs.Create(client), settings.Value, time.GetUtcNow(), roles.IntakeCaller, cancellationToken);
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
