using System.Diagnostics;
using System.Globalization;
using System.Text.Json.Nodes;
using MediaGen.Core.Jobs;
using MediaGen.Simulator;

namespace MediaGen.Drives;

/// <summary>
/// Issue 11.2: one batch of <see cref="CrashDriveOptions.Items"/> mixed image jobs (Cosmic, CometAPI, Pixazo) on the
/// standalone host over Azurite, the host killed with SIGKILL at random points of its progress and restarted, then
/// checked against storage, the simulator's ledger, the job API, the results queue and the callbacks.
/// </summary>
public static class CrashDrive
{
    /// <summary>The blob folder of the drive's media.</summary>
    public const string Folder = "crash";

    private static readonly (string Kind, string Provider, string Endpoint)[] Mix =
    [
        ("image", "cosmic", SimulatorEndpoints.CosmicImage),
        ("image", "comet", SimulatorEndpoints.CometImages),
        ("image", "pixazo", SimulatorEndpoints.PixazoTextToImage),
    ];

    /// <summary>Runs the drive; <see cref="DriveResult.Passed"/> says whether every check held.</summary>
    public static async Task<DriveResult> RunAsync(CrashDriveOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var started = Stopwatch.StartNew();
        var random = new Random(options.Seed);
        log.WriteLine($"crash-drive: items={options.Items} kills={options.Kills} seed={options.Seed}");
        await using var stack = await DriveStack.StartAsync("crashdrive", options.HostSettings, _ => true, cancellationToken);
        log.WriteLine($"  azurite {stack.Azurite.DataFolder}, simulator {stack.Simulator.BaseAddress}, host {stack.Host.BaseAddress}, logs {stack.WorkFolder}");
        var audit = new DriveAudit(stack);

        var items = new JsonArray();
        for (var i = 0; i < options.Items; i++)
        {
            var (kind, provider, _) = Mix[i % Mix.Length];
            items.Add(new JsonObject
            {
                ["kind"] = kind,
                ["provider"] = provider,
                ["params"] = new JsonObject { ["prompt"] = Prompt(i) },
                ["output"] = new JsonObject { ["folder"] = Folder },
            });
        }

        var body = new JsonObject
        {
            ["items"] = items,
            ["idempotencyKey"] = $"crash-drive-{options.Seed}-{Guid.NewGuid():N}",
            ["callbackUrl"] = stack.Callbacks.Url.ToString(),
        };
        var (status, answer) = await stack.Api.PostAsync("api/batches", body, cancellationToken);
        var batchId = answer?["id"]?.GetValue<string>();
        // 200 would be a retried POST (after a 5xx, which the checks report) finding the batch it started.
        if (status is not (System.Net.HttpStatusCode.Accepted or System.Net.HttpStatusCode.OK) || batchId is null)
        {
            throw new InvalidOperationException($"POST /api/batches answered {(int)status}: {answer?.ToJsonString()}");
        }

        // Kill points: random fractions of the batch's progress, so every kill lands while items are in flight.
        var points = Enumerable.Range(0, options.Kills).Select(_ => 0.05 + (random.NextDouble() * 0.8)).Order().ToList();
        var killsInFlight = 0;
        foreach (var point in points)
        {
            var done = await WaitForProgressAsync(stack, batchId, (int)Math.Ceiling(point * options.Items), options.Items, cancellationToken);
            await Task.Delay(random.Next(0, 1500), cancellationToken);
            var (finished, total) = await ProgressAsync(stack, batchId, cancellationToken);
            stack.Host.Kill();
            killsInFlight += finished < total ? 1 : 0;
            log.WriteLine($"  {started.Elapsed.TotalSeconds,6:0.0} s  SIGKILL #{stack.Host.Kills} at {finished}/{total} items finished (point {point:0.00}, {done} seen)");
            await Task.Delay(random.Next(0, 2000), cancellationToken);
            await stack.Host.StartAsync(cancellationToken);
            log.WriteLine($"  {started.Elapsed.TotalSeconds,6:0.0} s  restarted");
        }

        // After the last restart: the batch must end, every item with it; what is still running then is stuck.
        using var hang = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        hang.CancelAfter(options.FinishTimeout);
        var batchDone = false;
        try
        {
            while (!batchDone)
            {
                var (_, state) = await stack.Api.GetAsync($"api/batches/{batchId}", hang.Token);
                batchDone = state?["status"]?.GetValue<string>() is "Completed" or "Failed" or "Canceled";
                if (!batchDone)
                {
                    await Task.Delay(1000, hang.Token);
                }
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            audit.Fail($"the batch did not finish within {options.FinishTimeout} after the last restart");
        }

        var elapsedRun = started.Elapsed;
        log.WriteLine($"  {elapsedRun.TotalSeconds,6:0.0} s  batch {(batchDone ? "finished" : "NOT finished")}; checking");

        // Every item through the job API.
        var finals = new Dictionary<string, JobState>(StringComparer.Ordinal);
        int completed = 0, failedTyped = 0, lost = 0, stuck = 0, untyped = 0;
        var failedTypes = new SortedDictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < options.Items; i++)
        {
            var id = string.Create(CultureInfo.InvariantCulture, $"{batchId}.{i:D4}");
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
        for (var i = 0; i < options.Items; i++)
        {
            var bought = ledger.AcceptedOf(Mix[i % Mix.Length].Endpoint, Prompt(i));
            if (bought > 1)
            {
                duplicatePurchases += bought - 1;
                audit.Fail($"{batchId}.{i:D4}: bought {bought} times ({Mix[i % Mix.Length].Endpoint})");
            }
            else if (bought == 0 && finals.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"{batchId}.{i:D4}"), out var state) && state.Status == JobStatus.Completed)
            {
                audit.Fail($"{batchId}.{i:D4}: Completed but the simulator sold it nothing");
            }
        }

        await audit.CheckBlobsAsync("media", Folder, finals, cancellationToken);
        // A batch notifies once, as the batch (its items do not notify on their own).
        var batchFinal = new Dictionary<string, (string, string?)>(StringComparer.Ordinal) { [batchId] = ("Completed", null) };
        await audit.CheckResultsQueueAsync(batchFinal, cancellationToken);
        audit.CheckCallbacks(batchFinal);
        if (killsInFlight < options.Kills)
        {
            audit.Fail($"only {killsInFlight} of {options.Kills} kills hit the batch while items were in flight");
        }

        if (stack.Api.ServerErrors > 0)
        {
            audit.Fail($"the API answered 5xx {stack.Api.ServerErrors} times");
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"crash-drive items={options.Items} completed={completed} failed_typed={failedTyped} lost={lost} duplicate_purchases={duplicatePurchases} stuck={stuck} kills={stack.Host.Kills} " +
            $"failed_types={(failedTypes.Count == 0 ? "none" : string.Join(',', failedTypes.Select(t => $"{t.Key}:{t.Value}")))} untyped={untyped} orphan_blobs={audit.OrphanBlobs} bad_blobs={audit.BadBlobs} results_messages={audit.ResultMessages} results_duplicates={audit.ResultDuplicates} " +
            $"callbacks={audit.CallbackDeliveries} notify_violations={audit.NotificationViolations} " +
            $"pixazo_polls_per_job={DriveAudit.PixazoPollsPerJob(ledger.Polls, Enumerable.Range(0, options.Items).Count(i => Mix[i % Mix.Length].Provider == "pixazo")):0.00} rate_limited={stack.Api.RateLimited} seconds={elapsedRun.TotalSeconds:0}");
        return stack.Finish(summary, audit.Violations, log);
    }

    /// <summary>Item <paramref name="index"/>'s prompt: unique, so the simulator's ledger counts its purchases.</summary>
    public static string Prompt(int index) => string.Create(CultureInfo.InvariantCulture, $"Crash drive item {index:D4}: a lighthouse at dusk");

    private static async Task<int> WaitForProgressAsync(DriveStack stack, string batchId, int target, int total, CancellationToken cancellationToken)
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

    private static async Task<(int Finished, int Total)> ProgressAsync(DriveStack stack, string batchId, CancellationToken cancellationToken)
    {
        var (_, state) = await stack.Api.GetAsync($"api/batches/{batchId}", cancellationToken);
        var completed = state?["completed"]?.GetValue<int>() ?? 0;
        var failed = state?["failed"]?.GetValue<int>() ?? 0;
        var canceled = state?["canceled"]?.GetValue<int>() ?? 0;
        return (completed + failed + canceled, state?["total"]?.GetValue<int>() ?? 0);
    }
}
