using MediaGen.Workflows.Orchestrations;
using MediaGen.Workflows.Payloads;
using MediaGen.Functions.Durable;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace MediaGen.Functions.Workflows;

/// <summary>
/// The orchestrations as Durable Functions: each one the same class the standalone runtime runs, over the context
/// adapter. Function names are the class names, as the job service schedules them.
/// </summary>
public sealed class OrchestrationFunctions(ILoggerFactory loggerFactory)
{
    [Function(nameof(SyncGenerationOrchestrator))]
    public Task<JobOutcome> SyncGeneration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new SyncGenerationOrchestrator().RunAsync(Adapt(context), context.GetInput<JobInput>()!);

    [Function(nameof(PixazoGenerationOrchestrator))]
    public Task<JobOutcome> PixazoGeneration([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new PixazoGenerationOrchestrator().RunAsync(Adapt(context), context.GetInput<JobInput>()!);

    [Function(nameof(BatchOrchestrator))]
    public Task<BatchOutcome> Batch([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new BatchOrchestrator().RunAsync(Adapt(context), context.GetInput<BatchInput>()!);

    [Function(nameof(BatchChunkOrchestrator))]
    public Task<BatchOutcome> BatchChunk([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new BatchChunkOrchestrator().RunAsync(Adapt(context), context.GetInput<BatchChunkInput>()!);

    [Function(nameof(ChainOrchestrator))]
    public Task<JobOutcome> Chain([OrchestrationTrigger] TaskOrchestrationContext context) =>
        new ChainOrchestrator().RunAsync(Adapt(context), context.GetInput<ChainInput>()!);

    private DurableOrchestrationContextAdapter Adapt(TaskOrchestrationContext context) => new(context, loggerFactory);
}
