using Azure;

namespace MediaGen.Workflows.Retention;

/// <summary>
/// The records of expired jobs (<see cref="JobTombstone"/>), one small blob each in the workflows' state container:
/// <c>{StateContainer}/expired/{id}.json</c>. Written before a job's history and media are deleted, so a reader never finds
/// neither; writing the same record again (a second purge of the same job) is harmless. Never deleted by the app: in Azure
/// the storage account's lifecycle rule removes them (<c>infra/main.bicep</c>), after which the id answers 404.
/// </summary>
public sealed class JobTombstones
{
    private readonly BlobContainerClient _container;
    private readonly StateContainer _state;

    /// <summary>Keeps the records in the configured state container.</summary>
    public JobTombstones(BlobServiceClient blobs, IOptions<WorkflowOptions> options)
    {
        ArgumentNullException.ThrowIfNull(blobs);
        ArgumentNullException.ThrowIfNull(options);
        _container = blobs.GetBlobContainerClient(options.Value.StateContainer);
        _state = new StateContainer(_container);
    }

    /// <summary>Records that <paramref name="tombstone"/>'s job expired (overwrites an earlier record of the same id).</summary>
    public async Task WriteAsync(JobTombstone tombstone, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tombstone);
        await _state.EnsureAsync(cancellationToken).ConfigureAwait(false);
        await BlobOf(tombstone.Id).UploadAsync(BinaryData.FromObjectAsJson(tombstone, WorkflowJson.Options), overwrite: true, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The record of <paramref name="id"/>, or null when it never expired (or its record is gone too).</summary>
    public async Task<JobTombstone?> ReadAsync(string id, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        try
        {
            var content = await BlobOf(id).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
            return content.Value.Content.ToObjectFromJson<JobTombstone>(WorkflowJson.Options);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            // No such record, or no state container yet: nothing of this id ever expired here.
            return null;
        }
    }

    private BlobClient BlobOf(string id) => _container.GetBlobClient($"expired/{id}.json");
}
