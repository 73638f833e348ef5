using MediaGen.Durable.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaGen.Durable.Runtime;

/// <summary>What the parts of one worker share.</summary>
internal sealed class WorkerServices(
    TaskHub hub,
    InstanceStore store,
    MessageCodec codec,
    EpisodeProcessor processor,
    TimeProvider clock,
    ILoggerFactory loggerFactory)
{
    public TaskHub Hub => hub;

    public DurableRuntimeOptions Options => hub.Options;

    public InstanceStore Store => store;

    public MessageCodec Codec => codec;

    public EpisodeProcessor Processor => processor;

    public TimeProvider Clock => clock;

    public ILoggerFactory LoggerFactory => loggerFactory;

    /// <summary>Limits episodes running at once across all partitions of this process.</summary>
    public SemaphoreSlim OrchestrationSlots { get; } = new(hub.Options.MaxConcurrentOrchestrations);

    /// <summary>Runs activities in this process without a queue round trip, when it has a free slot.</summary>
    public Func<WorkMessage, Func<WorkMessage, Task>, bool>? TryRunActivityLocally { get; set; }

    /// <summary>How long to hide a message that failed to process before it is tried again.</summary>
    public static TimeSpan RetryBackoff(long dequeueCount) => TimeSpan.FromSeconds(Math.Min(30, dequeueCount));
}
