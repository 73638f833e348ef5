namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// A batch: its items split into chunks of <see cref="JobPolicy.BatchChunkSize"/>, each run by a
/// <see cref="BatchChunkOrchestrator"/> (so no history grows with the batch size), one chunk after another; per-item
/// outcomes collected in order — a failing item never fails the others. A cancel is passed on to the running chunk
/// (which passes it to its running items); later chunks are not started. Custom status: <see cref="BatchProgress"/>.
/// Ends with one notification for the whole batch.
/// </summary>
public sealed class BatchOrchestrator : TaskOrchestrator<BatchInput, BatchOutcome>
{
    /// <summary>The job id of a batch item: <c>{batchId}.{index:D4}</c>.</summary>
    public static string ItemId(string batchId, int index) => $"{batchId}.{index.ToString("D4", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <summary>The batch a job id is an item of (<see cref="ItemId"/>'s form), or null for a job of its own.</summary>
    public static string? BatchIdOf(string jobId)
    {
        ArgumentNullException.ThrowIfNull(jobId);
        var dot = jobId.LastIndexOf('.');
        return dot > 0 && jobId.Length - dot == 5 && jobId.AsSpan(dot + 1).ContainsAnyExceptInRange('0', '9') is false ? jobId[..dot] : null;
    }

    /// <summary>The instance id of a batch chunk: <c>{batchId}.chunk{n:D3}</c>.</summary>
    public static string ChunkId(string batchId, int chunk) => $"{batchId}.chunk{chunk.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public override async Task<BatchOutcome> RunAsync(TaskOrchestrationContext context, BatchInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var total = input.Items.Count;
        var size = Math.Max(1, input.Policy.BatchChunkSize);
        var items = new List<BatchItemState>(total);
        CancelRequest? canceled = null;

        // Raced with each chunk (which ends by its items' deadlines at the latest), and released when the batch ends.
        using var stop = new CancellationTokenSource();
        var cancel = context.WaitForExternalEvent<CancelRequest>(WorkflowEvents.Cancel, stop.Token);
        context.SetCustomStatus(Count(total, items, Math.Min(total, input.Policy.BatchConcurrency)));
        for (var first = 0; first < total; first += size)
        {
            var slice = input.Items.Skip(first).Take(size).ToList();
            if (canceled is not null)
            {
                items.AddRange(slice.Select((_, i) => NotStarted(context.InstanceId, first + i, canceled)));
                continue;
            }

            var chunkId = ChunkId(context.InstanceId, first / size);
            var chunk = context.CallSubOrchestratorAsync<BatchOutcome>(
                nameof(BatchChunkOrchestrator), new BatchChunkInput(context.InstanceId, first, slice, input.Policy.BatchConcurrency),
                new SubOrchestrationOptions(instanceId: chunkId));
            if (await Task.WhenAny(chunk, cancel) == cancel)
            {
                canceled = await cancel;
                context.SendEvent(chunkId, WorkflowEvents.Cancel, canceled);
            }

            try
            {
                items.AddRange((await chunk).Items);
            }
            catch (TaskFailedException ex)
            {
                items.AddRange(slice.Select((_, i) => new BatchItemState(
                    first + i, ItemId(context.InstanceId, first + i), JobStatus.Failed, new JobError(JobErrorCodes.InternalError, ex.FailureDetails.ErrorMessage))));
            }

            context.SetCustomStatus(Count(total, items, Math.Min(total - items.Count, input.Policy.BatchConcurrency)));
        }

        stop.Cancel();
        var counts = Count(total, items, 0);
        var status = canceled is null ? JobStatus.Completed : JobStatus.Canceled;
        var totals = JobEstimates.Batch(input, items);
        await SettleAsync(context, input, items);
        var notification = new JobNotification(
            context.InstanceId, "batch", status, null, null, null, null,
            new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)), Items: items, Counts: counts, CostTotals: totals);
        var problem = await JobNotifier.NotifyAsync(context, notification, input.CallbackUrl, input.Policy, input.TraceParent);
        return new BatchOutcome(items, canceled is not null, problem);
    }

    /// <summary>
    /// Settles the batch's reservation: per unit, what its items were charged (their actual cost, or their estimate when an
    /// item may have bought without a known cost; items never started or that proved nothing bought count 0).
    /// </summary>
    private static async Task SettleAsync(TaskOrchestrationContext context, BatchInput input, IReadOnlyList<BatchItemState> items)
    {
        if (input.Budget is not { } hold)
        {
            return;
        }

        var charged = items.Where(i => i.Cost is not null).GroupBy(i => i.Cost!.Unit, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(Charge), StringComparer.Ordinal);
        var outcome = new JobOutcome(JobStatus.Completed);
        foreach (var amount in hold.Amounts)
        {
            await JobFinisher.SettleAsync(
                context, new BudgetHold(hold.Caller, [amount]), outcome with { Cost = new JobCost(amount.Unit, amount.Amount), Spent = charged.GetValueOrDefault(amount.Unit) });
        }
    }

    /// <summary>An item's charge: its actual cost; else its estimate unless its error proves the provider sold nothing.</summary>
    private static decimal Charge(BatchItemState item) =>
        item.Cost?.Actual ?? (item.Error?.Type is JobErrorCodes.InsufficientBalance or JobErrorCodes.RateLimited or JobErrorCodes.NotConfigured or JobErrorCodes.Unauthorized or JobErrorCodes.Forbidden or JobErrorCodes.InvalidRequest or JobErrorCodes.SystemError
            ? 0m
            : item.Cost?.Estimate ?? 0m);

    internal static BatchItemState NotStarted(string batchId, int index, CancelRequest canceled) =>
        new(index, ItemId(batchId, index), JobStatus.Canceled, new JobError(JobErrorCodes.Canceled, string.IsNullOrWhiteSpace(canceled.Reason) ? "The batch was canceled." : canceled.Reason));

    internal static BatchProgress Count(int total, IReadOnlyCollection<BatchItemState> items, int running) => new(
        total,
        items.Count(i => i.Status == JobStatus.Completed),
        items.Count(i => i.Status == JobStatus.Failed),
        items.Count(i => i.Status == JobStatus.Canceled),
        running);
}
