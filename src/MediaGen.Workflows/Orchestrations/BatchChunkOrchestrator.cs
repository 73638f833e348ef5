namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// A slice of a batch: each item runs as its own job (sub-orchestration <c>{batchId}.{index:D4}</c>), at most
/// <see cref="BatchChunkInput.Concurrency"/> at once; outcomes are collected per item. On cancel, running items are
/// told to cancel and items not started yet end <see cref="JobStatus.Canceled"/>. Custom status: <see cref="BatchProgress"/>.
/// </summary>
public sealed class BatchChunkOrchestrator : TaskOrchestrator<BatchChunkInput, BatchOutcome>
{
    /// <inheritdoc />
    public override async Task<BatchOutcome> RunAsync(TaskOrchestrationContext context, BatchChunkInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var outcomes = new BatchItemState?[input.Items.Count];
        var finished = new List<BatchItemState>();
        var running = new Dictionary<Task<JobOutcome>, int>();
        var next = 0;
        CancelRequest? canceled = null;

        // Raced with the running items (each bounded by its deadline), and released when the chunk ends.
        using var stop = new CancellationTokenSource();
        var cancel = context.WaitForExternalEvent<CancelRequest>(WorkflowEvents.Cancel, stop.Token);
        while (next < input.Items.Count || running.Count > 0)
        {
            while (canceled is null && running.Count < Math.Max(1, input.Concurrency) && next < input.Items.Count)
            {
                var id = BatchOrchestrator.ItemId(input.BatchId, input.FirstIndex + next);
                var item = input.Items[next];
                running.Add(context.CallSubOrchestratorAsync<JobOutcome>(JobOrchestrators.For(item.Request), item, new SubOrchestrationOptions(instanceId: id)), next);
                next++;
            }

            if (canceled is not null && running.Count == 0)
            {
                break;
            }

            context.SetCustomStatus(BatchOrchestrator.Count(input.Items.Count, finished, running.Count));
            var waits = running.Keys.Cast<Task>().ToList();
            if (canceled is null)
            {
                waits.Add(cancel);
            }

            var done = await Task.WhenAny(waits);
            if (done == cancel)
            {
                canceled = await cancel;
                foreach (var offset in running.Values)
                {
                    context.SendEvent(BatchOrchestrator.ItemId(input.BatchId, input.FirstIndex + offset), WorkflowEvents.Cancel, canceled);
                }

                continue;
            }

            var finishedTask = (Task<JobOutcome>)done;
            var position = running[finishedTask];
            running.Remove(finishedTask);
            var state = await ItemStateAsync(input, position, finishedTask);
            outcomes[position] = state;
            finished.Add(state);
        }

        stop.Cancel();
        for (var i = 0; i < outcomes.Length; i++)
        {
            outcomes[i] ??= BatchOrchestrator.NotStarted(input.BatchId, input.FirstIndex + i, canceled ?? new CancelRequest(null));
        }

        context.SetCustomStatus(BatchOrchestrator.Count(input.Items.Count, [.. outcomes.Select(o => o!)], 0));
        return new BatchOutcome([.. outcomes.Select(o => o!)], canceled is not null);
    }

    private static async Task<BatchItemState> ItemStateAsync(BatchChunkInput input, int position, Task<JobOutcome> done)
    {
        var index = input.FirstIndex + position;
        var jobId = BatchOrchestrator.ItemId(input.BatchId, index);
        try
        {
            var outcome = await done;
            return new BatchItemState(index, jobId, outcome.Status, outcome.Error, outcome.Cost);
        }
        catch (TaskFailedException ex)
        {
            // The item's orchestration itself failed: whatever it may have bought counts at its estimate.
            return new BatchItemState(index, jobId, JobStatus.Failed, new JobError(JobErrorCodes.InternalError, ex.FailureDetails.ErrorMessage), input.Items[position].Cost);
        }
    }
}
