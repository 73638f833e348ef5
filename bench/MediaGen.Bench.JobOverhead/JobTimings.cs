using System.Collections.Concurrent;

namespace MediaGen.Bench.JobOverhead;

/// <summary>When each job's webhook reached the gateway and when its blob was committed (UTC wall clock).</summary>
internal sealed class JobTimings
{
    public ConcurrentDictionary<string, DateTimeOffset> WebhookReceived { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, DateTimeOffset> BlobCommitted { get; } = new(StringComparer.Ordinal);
}
