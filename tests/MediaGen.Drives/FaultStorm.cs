using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using MediaGen.Core.Jobs;

namespace MediaGen.Drives;

/// <summary>
/// Issue 11.3: mixed jobs (every provider and kind but chains) through the standalone host's HTTP API, a seeded share of
/// them with a simulator fault in the prompt (<see cref="StormCatalog"/>), at most <see cref="FaultStormOptions.Concurrency"/>
/// in flight. Afterwards each job's final status and <c>error.type</c> are compared with what its fault must lead to, its
/// purchases in the simulator's ledger with what it may buy, and its blobs, results-queue message and callbacks checked.
/// </summary>
public static class FaultStorm
{
    /// <summary>The blob folder of the storm's media.</summary>
    public const string Folder = "storm";

    /// <summary>Runs the storm; <see cref="DriveResult.Passed"/> says whether every check held.</summary>
    public static async Task<DriveResult> RunAsync(FaultStormOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var started = Stopwatch.StartNew();
        var runTag = Guid.NewGuid().ToString("N")[..8];
        var plan = StormCatalog.Plan(options.Jobs, options.FaultRatio, options.Seed, runTag);
        log.WriteLine($"fault-storm: jobs={options.Jobs} seed={options.Seed} faults={plan.Count(j => j.Fault is not null)} concurrency={options.Concurrency}");
        foreach (var group in plan.Where(j => j.Fault is not null).GroupBy(j => $"{j.Type.Name}/{j.Fault!.Name}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            log.WriteLine($"  {group.Count(),3} × {group.Key}");
        }

        var settings = new Dictionary<string, string>(StormCatalog.HostSettings);
        foreach (var (key, value) in options.HostSettings)
        {
            settings[key] = value;
        }

        // Every fifth job's first callback is refused, so callback retries (same delivery id) are part of the storm.
        await using var stack = await DriveStack.StartAsync("faultstorm", settings, id => (id.GetHashCode(StringComparison.Ordinal) & 0x7fffffff) % 5 == 0, cancellationToken);
        log.WriteLine($"  azurite {stack.Azurite.DataFolder}, simulator {stack.Simulator.BaseAddress}, host {stack.Host.BaseAddress}, logs {stack.WorkFolder}");
        var audit = new DriveAudit(stack);
        var ids = new ConcurrentDictionary<int, string>();
        var finishedCount = 0;
        using var gate = new SemaphoreSlim(options.Concurrency);
        var runs = plan.Select(async job =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                var body = new JsonObject
                {
                    ["kind"] = job.Type.Kind,
                    ["provider"] = job.Type.Provider,
                    ["params"] = job.Type.Params(job.Prompt, stack.Simulator.BaseAddress),
                    ["output"] = new JsonObject { ["folder"] = Folder },
                    ["idempotencyKey"] = $"storm-{runTag}-{job.Index}",
                    ["callbackUrl"] = stack.Callbacks.Url.ToString(),
                };
                var (status, answer) = await stack.Api.PostAsync("api/jobs", body, cancellationToken);
                // 200 would be a retried POST (after a 5xx, which the checks report) finding the job it started.
                if (status is not (HttpStatusCode.Accepted or HttpStatusCode.OK) || answer?["id"]?.GetValue<string>() is not { } id)
                {
                    audit.Fail($"job {job.Index} ({job.Type.Name}): POST /api/jobs answered {(int)status}: {answer?.ToJsonString()}");
                    return;
                }

                ids[job.Index] = id;
                // A job has ended when its callback arrives (its results-queue message is written before it).
                try
                {
                    await stack.Callbacks.WhenDelivered(id).WaitAsync(options.JobTimeout, cancellationToken);
                }
                catch (TimeoutException)
                {
                    // Not finished in time: the checks below report it as stuck or as missing a callback.
                }

                var finished = Interlocked.Increment(ref finishedCount);
                if (finished % Math.Max(1, options.Jobs / 10) == 0)
                {
                    log.WriteLine($"  {started.Elapsed.TotalSeconds,6:0.0} s  {finished}/{options.Jobs} jobs ended");
                }
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(runs);
        var elapsedRun = started.Elapsed;
        // Late webhooks (4 s after the end) and callback retries still in flight are part of what is checked.
        await Task.Delay(TimeSpan.FromSeconds(6), cancellationToken);
        log.WriteLine($"  {started.Elapsed.TotalSeconds,6:0.0} s  all jobs ended or timed out; checking");

        var ledger = await stack.Simulator.GetRequestsAsync(cancellationToken);
        var finals = new Dictionary<string, JobState>(StringComparer.Ordinal);
        int completed = 0, failedExpected = 0, wrong = 0, lost = 0, stuck = 0, pixazoExtra = 0, pixazoResubmits = 0, videoTwice = 0, purchaseMismatches = 0;
        foreach (var job in plan)
        {
            if (!ids.TryGetValue(job.Index, out var id))
            {
                lost++;
                continue;
            }

            var state = await audit.GetJobAsync(id, cancellationToken);
            if (state is null)
            {
                lost++;
                audit.Fail($"{id} (job {job.Index}): lost (the job API does not know it)");
                continue;
            }

            finals[id] = state;
            var status = state.Status.ToString();
            var label = $"{id} (job {job.Index} {job.Type.Name}/{job.Fault?.Name ?? "clean"})";
            if (state.Status is JobStatus.Pending or JobStatus.Running)
            {
                stuck++;
                audit.Fail($"{label}: stuck {status}");
            }
            else if (status != job.ExpectedStatus || state.Error?.Type != job.ExpectedErrorType)
            {
                wrong++;
                audit.Fail($"{label}: ended {status} {state.Error?.Type} ({state.Error?.Message}); expected {job.ExpectedStatus} {job.ExpectedErrorType}");
            }
            else if (state.Status == JobStatus.Completed)
            {
                completed++;
            }
            else
            {
                failedExpected++;
            }

            var bought = ledger.AcceptedOf(job.Type.Endpoint, job.Prompt);
            if (bought < job.MinPurchases || bought > job.MaxPurchases)
            {
                purchaseMismatches++;
                audit.Fail($"{label}: bought {bought} times on {job.Type.Endpoint}; expected {job.MinPurchases}..{job.MaxPurchases} " +
                    $"(calls: {string.Join(", ", ledger.Requests.Where(r => r.Prompt == job.Prompt).Select(r => $"{r.StatusCode}{(r.Accepted ? " bought" : "")}"))})");
            }

            switch (job.Type.Purchase)
            {
                case StormPurchase.Video:
                    videoTwice += Math.Max(0, bought - 1);
                    break;
                case StormPurchase.Pixazo:
                    // Extra submissions beyond one are documented only for ERROR ("not charged") answers.
                    var documented = job.Fault?.Name is "error-once" or "error-always" ? job.MaxPurchases - 1 : 0;
                    pixazoResubmits += Math.Min(Math.Max(0, bought - 1), documented);
                    pixazoExtra += Math.Max(0, bought - 1 - documented);
                    break;
            }
        }

        // Every answer must be 200. An attempt the host did not answer within the simulator's timeout (only on an overloaded
        // machine) is counted, not failed: Pixazo sends it again, and a webhook is only a hint — the job's own status poll
        // decides, and every job's outcome is checked above.
        foreach (var webhook in ledger.Webhooks.Where(w => w.ResponseStatus is { } status && status != 200))
        {
            audit.Fail($"Pixazo webhook for {webhook.RequestId} ({webhook.Status}, attempt {webhook.Attempt}) answered {webhook.ResponseStatus} {webhook.Error}");
        }

        var unanswered = ledger.Webhooks.Count(w => w.ResponseStatus is null);

        await audit.CheckBlobsAsync("media", Folder, finals, cancellationToken);
        var notified = finals.ToDictionary(f => f.Key, f => (f.Value.Status.ToString(), f.Value.Error?.Type), StringComparer.Ordinal);
        await audit.CheckResultsQueueAsync(notified, cancellationToken);
        audit.CheckCallbacks(notified);
        if (stack.Api.ServerErrors > 0)
        {
            audit.Fail($"the API answered 5xx {stack.Api.ServerErrors} times");
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"fault-storm seed={options.Seed} jobs={options.Jobs} faulted={plan.Count(j => j.Fault is not null)} completed={completed} failed_expected={failedExpected} wrong={wrong} lost={lost} " +
            $"pixazo_extra_submits={pixazoExtra} pixazo_error_resubmits={pixazoResubmits} duplicate_video_purchases={videoTwice} purchase_mismatches={purchaseMismatches} stuck={stuck} " +
            $"orphan_blobs={audit.OrphanBlobs} bad_blobs={audit.BadBlobs} results_duplicates={audit.ResultDuplicates} callbacks={audit.CallbackDeliveries} " +
            $"notify_violations={audit.NotificationViolations} webhooks={ledger.Webhooks.Count} webhooks_unanswered={unanswered} pixazo_polls_per_job={DriveAudit.PixazoPollsPerJob(ledger.Polls, plan.Count(j => j.Type.Provider == "pixazo")):0.00} rate_limited={stack.Api.RateLimited} seconds={elapsedRun.TotalSeconds:0}");
        return stack.Finish(summary, audit.Violations, log);
    }
}
