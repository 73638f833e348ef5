using MediaGen.Workflows.Orchestrations;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask;

namespace MediaGen.Functions.Workflows;

/// <summary>
/// The orchestrations as Durable Functions, each named like its class (as the job service schedules it). The typed
/// input parameter is what the Durable extension deserialises the orchestration input into, with its
/// <c>DataConverter</c> — the worker's serializer, pinned to <c>WorkflowJson.Options</c>.
/// </summary>
public static class OrchestrationFunctions
{
    /// <summary>Runs <see cref="SyncGenerationOrchestrator"/>.</summary>
    [Function(nameof(SyncGenerationOrchestrator))]
    public static Task<JobOutcome> SyncGeneration([OrchestrationTrigger] TaskOrchestrationContext context, JobInput input) =>
        new SyncGenerationOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="PixazoGenerationOrchestrator"/>.</summary>
    [Function(nameof(PixazoGenerationOrchestrator))]
    public static Task<JobOutcome> PixazoGeneration([OrchestrationTrigger] TaskOrchestrationContext context, JobInput input) =>
        new PixazoGenerationOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="BatchOrchestrator"/>.</summary>
    [Function(nameof(BatchOrchestrator))]
    public static Task<BatchOutcome> Batch([OrchestrationTrigger] TaskOrchestrationContext context, BatchInput input) =>
        new BatchOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="BatchChunkOrchestrator"/>.</summary>
    [Function(nameof(BatchChunkOrchestrator))]
    public static Task<BatchOutcome> BatchChunk([OrchestrationTrigger] TaskOrchestrationContext context, BatchChunkInput input) =>
        new BatchChunkOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="ChainOrchestrator"/>.</summary>
    [Function(nameof(ChainOrchestrator))]
    public static Task<JobOutcome> Chain([OrchestrationTrigger] TaskOrchestrationContext context, ChainInput input) =>
        new ChainOrchestrator().RunAsync(context, input);

    /// <summary>Runs <see cref="FailoverOrchestrator"/>.</summary>
    [Function(nameof(FailoverOrchestrator))]
    public static Task<JobOutcome> Failover([OrchestrationTrigger] TaskOrchestrationContext context, JobInput input) =>
        new FailoverOrchestrator().RunAsync(context, input);
}
