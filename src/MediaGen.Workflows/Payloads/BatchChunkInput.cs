namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Orchestrations.BatchChunkOrchestrator"/>: a slice of a batch, run with a concurrency cap.</summary>
/// <param name="BatchId">The batch's instance id (items are <c>{BatchId}.{index:D4}</c>).</param>
/// <param name="FirstIndex">Batch index of <paramref name="Items"/>[0].</param>
/// <param name="Items">The slice.</param>
/// <param name="Concurrency">Items generating at once.</param>
/// <param name="Events">Where the batch's <c>started</c> and <c>output</c> events go (null: none chosen).</param>
/// <param name="Policy">The batch's settings (callback retries); null in payloads of chunks started before events existed.</param>
public sealed record BatchChunkInput(string BatchId, int FirstIndex, IReadOnlyList<JobInput> Items, int Concurrency, EventTarget? Events = null, JobPolicy? Policy = null);
