using System.Collections.Concurrent;

namespace MediaGen.Bench.JobOverhead;

/// <summary>When each job's webhook reached the gateway and when its blob was committed (<see cref="System.Diagnostics.Stopwatch"/> ticks).</summary>
internal sealed class JobTimings
{
    public ConcurrentDictionary<string, long> WebhookReceived { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, long> BlobCommitted { get; } = new(StringComparer.Ordinal);
}
