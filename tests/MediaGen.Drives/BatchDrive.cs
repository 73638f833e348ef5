using MediaGen.Core.Jobs;
using MediaGen.Simulator;

namespace MediaGen.Drives;

/// <summary>
/// The batch the crash drive and the storage-outage drive disturb and then check: mixed image items (Cosmic, CometAPI,
/// Pixazo) submitted as one batch with a signed callback, its progress and end through the job API, and the checks of
/// every item against the job API, the simulator's ledger, the blobs, the results queue and the callbacks.
/// </summary>
public static class BatchDrive
{
    private static readonly (string Kind, string Provider, string Endpoint)[] Mix =
    [
        ("image", "cosmic", SimulatorEndpoints.CosmicImage),
        ("image", "comet", SimulatorEndpoints.CometImages),
        ("image", "pixazo", SimulatorEndpoints.PixazoTextToImage),
    ];

    /// <summary>Submits <paramref name="items"/> items (prompts from <paramref name="prompt"/>, unique per item) into <paramref name="folder"/>; the batch id.</summary>
    public static async Task<string> SubmitAsync(DriveStack stack, int items, string folder, Func<int, string> prompt, string idempotencyKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(prompt);
        var array = new JsonArray();
        for (var i = 0; i < items; i++)
        {
            var (kind, provider, _) = Mix[i % Mix.Length];
            array.Add(new JsonObject
            {
                ["kind"] = kind,
                ["provider"] = provider,
                ["params"] = new JsonObject { ["prompt"] = prompt(i) },
                ["output"] = new JsonObject { ["folder"] = folder },
            });
        }

        var body = new JsonObject
        {
            ["items"] = array,
            ["idempotencyKey"] = idempotencyKey,
            ["callbackUrl"] = stack.Callbacks.Url.ToString(),
        };
        var (status, answer) = await stack.Api.PostAsync("api/batches", body, cancellationToken);
        var batchId = answer?["id"]?.GetValue<string>();
        // 200 would be a retried POST (after a 5xx, which the checks report) finding the batch it started.
        if (status is not (System.Net.HttpStatusCode.Accepted or System.Net.HttpStatusCode.OK) || batchId is null)
        {
            throw new InvalidOperationException($"POST /api/batches answered {(int)status}: {answer?.ToJsonString()}");
        }

        return batchId;
    }

    /// <summary>Whether item <paramref name="index"/> is a Pixazo item.</summary>
    public static bool IsPixazo(int index) => Mix[index % Mix.Length].Provider == "pixazo";

    /// <summary>Item <paramref name="index"/>'s job id in batch <paramref name="batchId"/>.</summary>
    public static string ItemId(string batchId, int index) => string.Create(CultureInfo.InvariantCulture, $"{batchId}.{index:D4}");

    /// <summary>Waits until at least <paramref name="target"/> items (at most all but one) have finished; how many have.</summary>
    public static async Task<int> WaitForProgressAsync(DriveStack stack, string batchId, int target, int total, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (finished, _) = await ProgressAsync(stack, batchId, cancellationToken);
            if (finished >= Math.Min(target, total - 1))
            {
                return finished;
            }

            await Task.Delay(500, cancellationToken);
        }
    }

    /// <summary>Finished (completed, failed or canceled) and total items of the batch.</summary>
    public static async Task<(int Finished, int Total)> ProgressAsync(DriveStack stack, string batchId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        var (_, state) = await stack.Api.GetAsync($"api/batches/{batchId}", cancellationToken);
        var completed = state?["completed"]?.GetValue<int>() ?? 0;
        var failed = state?["failed"]?.GetValue<int>() ?? 0;
        var canceled = state?["canceled"]?.GetValue<int>() ?? 0;
        return (completed + failed + canceled, state?["total"]?.GetValue<int>() ?? 0);
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the batch to end; a violation when it does not.</summary>
    public static async Task<bool> WaitForEndAsync(DriveStack stack, DriveAudit audit, string batchId, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(audit);
        using var hang = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hang.CancelAfter(timeout);
        try
        {
            while (true)
            {
                var (_, state) = await stack.Api.GetAsync($"api/batches/{batchId}", hang.Token);
                if (state?["status"]?.GetValue<string>() is "Completed" or "Failed" or "Canceled")
                {
                    return true;
                }

                await Task.Delay(1000, hang.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            audit.Fail($"the batch did not finish within {timeout}");
            return false;
        }
    }

    /// <summary>
    /// Checks every item: its final state through the job API (Completed, or Failed with a typed error; lost and stuck
    /// items are violations), at most one purchase per item and one for every Completed item (simulator ledger), exactly
    /// its blobs and no orphan, and the batch's one results-queue message and callback.
    /// </summary>
    public static async Task<BatchOutcome> CheckAsync(
        DriveStack stack, DriveAudit audit, string batchId, int items, string folder, Func<int, string> prompt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(stack);
        ArgumentNullException.ThrowIfNull(audit);
        ArgumentNullException.ThrowIfNull(prompt);
        var finals = new Dictionary<string, JobState>(StringComparer.Ordinal);
        int completed = 0, failedTyped = 0, lost = 0, stuck = 0, untyped = 0;
        var failedTypes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < items; i++)
        {
            var id = ItemId(batchId, i);
            var state = await audit.GetJobAsync(id, cancellationToken);
            if (state is null)
            {
                lost++;
                audit.Fail($"{id}: lost (the job API does not know it)");
                continue;
            }

            finals[id] = state;
            switch (state.Status)
            {
                case JobStatus.Completed:
                    completed++;
                    break;
                case JobStatus.Failed when state.Error is { Type.Length: > 0 } && state.Error.Type != "internal_error":
                    failedTyped++;
                    failedTypes[state.Error.Type] = failedTypes.GetValueOrDefault(state.Error.Type) + 1;
                    break;
                case JobStatus.Failed or JobStatus.Canceled:
                    untyped++;
                    audit.Fail($"{id}: {state.Status} without a typed reason: {state.Error?.Type} {state.Error?.Message}");
                    break;
                default:
                    stuck++;
                    audit.Fail($"{id}: stuck {state.Status}");
                    break;
            }
        }

        // Purchases: one per item at most (prompts are unique per item; Pixazo submits counted on its submit endpoint).
        var ledger = await stack.Simulator.GetRequestsAsync(cancellationToken);
        var duplicatePurchases = 0;
        for (var i = 0; i < items; i++)
        {
            var bought = ledger.AcceptedOf(Mix[i % Mix.Length].Endpoint, prompt(i));
            if (bought > 1)
            {
                duplicatePurchases += bought - 1;
                audit.Fail($"{ItemId(batchId, i)}: bought {bought} times ({Mix[i % Mix.Length].Endpoint})");
            }
            else if (bought == 0 && finals.TryGetValue(ItemId(batchId, i), out var state) && state.Status == JobStatus.Completed)
            {
                audit.Fail($"{ItemId(batchId, i)}: Completed but the simulator sold it nothing");
            }
        }

        await audit.CheckBlobsAsync("media", folder, finals, cancellationToken);
        // A batch notifies once, as the batch (its items do not notify on their own).
        var batchFinal = new Dictionary<string, (string, string?)>(StringComparer.Ordinal) { [batchId] = ("Completed", null) };
        await audit.CheckResultsQueueAsync(batchFinal, cancellationToken);
        audit.CheckCallbacks(batchFinal);
        return new BatchOutcome(
            completed, failedTyped, lost, stuck, untyped, failedTypes, duplicatePurchases,
            DriveAudit.PixazoPollsPerJob(ledger.Polls, Enumerable.Range(0, items).Count(IsPixazo)));
    }
}
