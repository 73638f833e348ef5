using System.Collections.Concurrent;

namespace MediaGen.Bench.JobOverhead;

/// <summary>When each instance's webhook reached the gateway (or its bare event was raised), in <see cref="System.Diagnostics.Stopwatch"/> ticks, by local id.</summary>
internal sealed class JobTimings
{
    public ConcurrentDictionary<string, long> WebhookReceived { get; } = new(StringComparer.Ordinal);
}
