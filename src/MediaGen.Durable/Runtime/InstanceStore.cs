using System.Globalization;
using System.Text.Json;
using MediaGen.Durable.Client;

namespace MediaGen.Durable.Runtime;

/// <summary>
/// Instance state as one blob per instance, written with ETag concurrency. Status, name and times are
/// also kept in blob metadata so listing and filtering never download a state.
/// </summary>
internal sealed class InstanceStore(TaskHub hub)
{
    public async Task<(InstanceState? State, string? ETag)> LoadAsync(string instanceId, CancellationToken cancellationToken)
    {
        var blob = await hub.Instances.ReadAsync(instanceId, cancellationToken).ConfigureAwait(false);
        return blob is null
            ? (null, null)
            : (JsonSerializer.Deserialize(blob.Content.ToMemory().Span, DurableJsonContext.Default.InstanceState), blob.ETag);
    }

    /// <summary>Stores the state if it still has <paramref name="etag"/> (null: if it does not exist); the new ETag, or null on conflict.</summary>
    public Task<string?> SaveAsync(InstanceState state, string? etag, CancellationToken cancellationToken)
    {
        var content = BinaryData.FromBytes(JsonSerializer.SerializeToUtf8Bytes(state, DurableJsonContext.Default.InstanceState));
        var metadata = new Dictionary<string, string>
        {
            ["name"] = Uri.EscapeDataString(state.Name),
            ["status"] = state.Status.ToString(),
            ["created"] = state.CreatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
            ["updated"] = state.LastUpdatedAt.Ticks.ToString(CultureInfo.InvariantCulture),
        };
        return hub.Instances.WriteAsync(state.InstanceId, content, metadata, etag, cancellationToken);
    }

    public Task<bool> DeleteAsync(string instanceId, CancellationToken cancellationToken) => hub.Instances.DeleteAsync(instanceId, cancellationToken);

    /// <summary>One page of instance metadata, read from blob metadata alone.</summary>
    public async Task<(IReadOnlyList<OrchestrationMetadata> Instances, string? ContinuationToken)> ListAsync(
        string prefix, int pageSize, string? continuationToken, CancellationToken cancellationToken)
    {
        var (entries, next) = await hub.Instances.ListAsync(prefix, pageSize, continuationToken, cancellationToken).ConfigureAwait(false);
        var instances = entries
            .Where(e => e.Metadata.ContainsKey("status"))
            .Select(e => new OrchestrationMetadata(Uri.UnescapeDataString(e.Metadata["name"]), e.Name)
            {
                RuntimeStatus = Enum.Parse<OrchestrationRuntimeStatus>(e.Metadata["status"]),
                CreatedAt = new DateTimeOffset(long.Parse(e.Metadata["created"], CultureInfo.InvariantCulture), TimeSpan.Zero),
                LastUpdatedAt = new DateTimeOffset(long.Parse(e.Metadata["updated"], CultureInfo.InvariantCulture), TimeSpan.Zero),
            })
            .ToList();
        return (instances, next);
    }
}
