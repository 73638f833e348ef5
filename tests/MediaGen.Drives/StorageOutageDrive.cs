using System.Diagnostics;
using System.Net.Http.Json;
using MediaGen.Simulator.Ledger;

namespace MediaGen.Drives;

/// <summary>
/// Issue 25.2: one batch of <see cref="StorageOutageOptions.Items"/> mixed image jobs (Cosmic, CometAPI, Pixazo with
/// webhooks) on the standalone host over Azurite with its data on disk; Azurite is stopped for
/// <see cref="StorageOutageOptions.Outage"/> while items are in flight and started again on the same data. Checked: every
/// item ends (Completed, or Failed with a typed error), none lost, stuck or bought twice, no orphan blob, the batch's
/// results-queue message and callback; readiness answers 503 throughout the outage and 200 after it; every Pixazo webhook
/// that arrives during the outage (the simulator's own, and statuses the drive sends to known webhook addresses as Pixazo
/// would) is answered 503 with <c>Retry-After</c> — never a 500, never a 2xx that would drop it — and accepted when sent
/// again after it; the host logs no unhandled failure.
/// </summary>
public static class StorageOutageDrive
{
    /// <summary>The blob folder of the drive's media.</summary>
    public const string Folder = "outage";

    /// <summary>Runs the drive; <see cref="DriveResult.Passed"/> says whether every check held.</summary>
    public static async Task<DriveResult> RunAsync(StorageOutageOptions options, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        var started = Stopwatch.StartNew();
        log.WriteLine($"storage-outage: items={options.Items} outage={options.Outage.TotalSeconds:0}s at={options.OutageAt:0.00} seed={options.Seed}");
        await using var stack = await DriveStack.StartAsync("outagedrive", options.HostSettings, _ => true, cancellationToken, storageOnDisk: true);
        var azurite = stack.Azurite;
        log.WriteLine($"  azurite {azurite.DataFolder} (on disk), simulator {stack.Simulator.BaseAddress}, host {stack.Host.BaseAddress}, logs {stack.WorkFolder}");
        var audit = new DriveAudit(stack);
        var batchId = await BatchDrive.SubmitAsync(
            stack, options.Items, Folder, Prompt, $"storage-outage-{options.Seed}-{Guid.NewGuid():N}", cancellationToken);
        await using var readiness = ReadinessWatch.Start(stack.Host.BaseAddress);
        using var webhooks = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        await BatchDrive.WaitForProgressAsync(stack, batchId, (int)Math.Ceiling(options.OutageAt * options.Items), options.Items, cancellationToken);
        // Webhook addresses (with their secrets) of the latest Pixazo items, from the simulator's deliveries so far: during
        // the outage the drive sends them a PROCESSING status, as Pixazo would (a late one changes nothing), besides the
        // webhooks the simulator sends itself.
        var addresses = (await stack.Simulator.GetRequestsAsync(cancellationToken)).Webhooks
            .GroupBy(w => w.Url, StringComparer.Ordinal)
            .Select(g => g.Last())
            .TakeLast(20)
            .ToList();
        var (finishedAtStop, total) = await BatchDrive.ProgressAsync(stack, batchId, cancellationToken);
        // The outage, for the checks, runs from the moment Azurite has exited to the moment it is asked to start again.
        var clean = await azurite.StopAsync(cancellationToken);
        var stoppedAt = DateTimeOffset.UtcNow;
        if (!clean)
        {
            // Storage that loses writes it acknowledged is not an outage: the run proves nothing then.
            audit.Fail("Azurite did not close its services cleanly when stopped (it may not have saved its last writes)");
        }

        var outage = Stopwatch.StartNew();
        log.WriteLine($"  {started.Elapsed.TotalSeconds,6:0.0} s  Azurite stopped ({(clean ? "cleanly" : "NOT cleanly")}) at {finishedAtStop}/{total} items finished");

        var refused = new List<WebhookAnswer>();
        var sending = new List<Task<WebhookAnswer>>();
        for (var next = 0; outage.Elapsed < options.Outage; next++)
        {
            if (addresses.Count > 0)
            {
                sending.Add(SendAsync(webhooks, addresses[next % addresses.Count], cancellationToken));
            }

            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
        }

        // Every webhook sent during the outage is answered before Azurite comes back.
        refused.AddRange(await Task.WhenAll(sending));
        var restartingAt = DateTimeOffset.UtcNow;
        await azurite.RestartAsync(cancellationToken);
        var restartedAt = DateTimeOffset.UtcNow;
        var outageSeconds = outage.Elapsed.TotalSeconds;
        log.WriteLine($"  {started.Elapsed.TotalSeconds,6:0.0} s  Azurite started again on the same data after {outageSeconds:0.0} s");

        // Recovered: ready again, and the batch finishing items again.
        var recovery = Stopwatch.StartNew();
        double? recoveredSeconds = null;
        while (recovery.Elapsed < options.RecoveryTimeout)
        {
            var (finished, _) = await BatchDrive.ProgressAsync(stack, batchId, cancellationToken);
            if (finished > finishedAtStop && readiness.FirstReadySince(restartedAt) is not null)
            {
                recoveredSeconds = recovery.Elapsed.TotalSeconds;
                break;
            }

            await Task.Delay(250, cancellationToken);
        }

        log.WriteLine($"  {started.Elapsed.TotalSeconds,6:0.0} s  {(recoveredSeconds is null ? "NOT recovered" : $"recovered (ready, items finishing) after {recoveredSeconds:0.0} s")}");
        if (recoveredSeconds is null)
        {
            audit.Fail($"within {options.RecoveryTimeout} of Azurite's restart the host did not answer ready and finish an item");
        }

        // A sender honouring the 503 sends again: each refused webhook is accepted now.
        var resentAccepted = 0;
        foreach (var address in refused.Select(r => r.Delivery).DistinctBy(d => d.Url))
        {
            var answer = await SendAsync(webhooks, address, cancellationToken);
            resentAccepted += answer.Status == 200 ? 1 : 0;
            if (answer.Status != 200)
            {
                audit.Fail($"a webhook refused during the outage was answered {answer.Status?.ToString(CultureInfo.InvariantCulture) ?? "nothing"} when sent again after it ({Redacted(address.Url)})");
            }
        }

        var batchDone = await BatchDrive.WaitForEndAsync(stack, audit, batchId, options.FinishTimeout, cancellationToken);
        var elapsedRun = started.Elapsed;
        log.WriteLine($"  {elapsedRun.TotalSeconds,6:0.0} s  batch {(batchDone ? "finished" : "NOT finished")}; checking");
        var outcome = await BatchDrive.CheckAsync(stack, audit, batchId, options.Items, Folder, Prompt, cancellationToken);

        var ready = CheckReadiness(readiness.Probes, stoppedAt, restartingAt, restartedAt, audit);
        CheckRefusedWebhooks(refused, addresses.Count, audit);
        var simulatorWebhooks = CheckSimulatorWebhooks((await stack.Simulator.GetRequestsAsync(cancellationToken)).Webhooks, stoppedAt, restartingAt, audit);
        var unhandled = CountUnhandledFailures(stack.WorkFolder);
        if (unhandled > 0)
        {
            audit.Fail($"the host logged {unhandled} unhandled failures (answered 500)");
        }

        if (stack.Api.ServerErrors > 0)
        {
            audit.Fail($"the API answered 5xx {stack.Api.ServerErrors} times outside the outage");
        }

        log.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  failed_typed={outcome.FailedTyped} failed_types={outcome.FailedTypesText} untyped={outcome.Untyped} orphan_blobs={audit.OrphanBlobs} bad_blobs={audit.BadBlobs} " +
            $"results_messages={audit.ResultMessages} results_duplicates={audit.ResultDuplicates} callbacks={audit.CallbackDeliveries} notify_violations={audit.NotificationViolations} " +
            $"ready_probes_in_outage={ready.InOutage} ready_503={ready.Unavailable} ready_after_s={ready.ReadyAfterSeconds:0.0} " +
            $"webhooks_in_outage={simulatorWebhooks.InOutage} webhooks_503={simulatorWebhooks.Unavailable} webhooks_500={simulatorWebhooks.ServerErrors} " +
            $"sent_in_outage={refused.Count} sent_503_retry_after={refused.Count(r => r.Status == 503 && r.RetryAfter)} resent_accepted={resentAccepted} " +
            $"unhandled_500={unhandled} pixazo_polls_per_job={outcome.PixazoPollsPerJob:0.00} seconds={elapsedRun.TotalSeconds:0}"));
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"storage-outage items={options.Items} completed={outcome.Completed} lost={outcome.Lost} duplicate_purchases={outcome.DuplicatePurchases} stuck={outcome.Stuck} " +
            $"outage_s={outageSeconds:0} recovered_s={(recoveredSeconds is { } r ? r.ToString("0", CultureInfo.InvariantCulture) : "never")}");
        return stack.Finish(summary, audit.Violations, log);
    }

    /// <summary>Item <paramref name="index"/>'s prompt: unique, so the simulator's ledger counts its purchases.</summary>
    public static string Prompt(int index) => string.Create(CultureInfo.InvariantCulture, $"Storage outage item {index:D4}: a harbour in fog");

    private static (int InOutage, int Unavailable, double ReadyAfterSeconds) CheckReadiness(
        IReadOnlyList<ReadinessProbe> probes, DateTimeOffset stoppedAt, DateTimeOffset restartingAt, DateTimeOffset restartedAt, DriveAudit audit)
    {
        var during = probes.Where(p => p.Asked >= stoppedAt && p.Answered <= restartingAt).ToList();
        if (during.Count == 0)
        {
            audit.Fail("no readiness probe was answered during the outage");
        }

        foreach (var probe in during.Where(p => p.Status != 503))
        {
            audit.Fail($"readiness answered {probe.Status?.ToString(CultureInfo.InvariantCulture) ?? "nothing"} during the outage (asked {probe.Asked:HH:mm:ss.fff})");
        }

        var ready = probes.FirstOrDefault(p => p.Asked >= restartedAt && p.Status == 200);
        if (ready is null)
        {
            audit.Fail("readiness never answered 200 after the outage");
        }

        return (during.Count, during.Count(p => p.Status == 503), ready is null ? double.NaN : (ready.Answered - restartedAt).TotalSeconds);
    }

    private static void CheckRefusedWebhooks(IReadOnlyList<WebhookAnswer> answers, int addresses, DriveAudit audit)
    {
        if (addresses == 0)
        {
            audit.Fail("no Pixazo webhook address was known before the outage (no Pixazo item in flight?)");
        }

        foreach (var answer in answers.Where(a => a.Status != 503 || !a.RetryAfter))
        {
            audit.Fail($"a webhook sent during the outage was answered {answer.Status?.ToString(CultureInfo.InvariantCulture) ?? "nothing"}{(answer.RetryAfter ? "" : " without Retry-After")} ({Redacted(answer.Delivery.Url)})");
        }
    }

    private static (int InOutage, int Unavailable, int ServerErrors) CheckSimulatorWebhooks(
        IReadOnlyList<WebhookDelivery> deliveries, DateTimeOffset stoppedAt, DateTimeOffset restartingAt, DriveAudit audit)
    {
        // A delivery is recorded when its answer came: one answered inside the outage was handled without storage.
        var during = deliveries.Where(d => d.SentAt > stoppedAt && d.SentAt < restartingAt).ToList();
        foreach (var delivery in during.Where(d => d.ResponseStatus is >= 200 and < 300))
        {
            audit.Fail($"the simulator's webhook for {delivery.RequestId} ({delivery.Status}) was answered {delivery.ResponseStatus} during the outage: taken without storage");
        }

        var serverErrors = deliveries.Where(d => d.ResponseStatus is >= 500 and not 503).ToList();
        foreach (var delivery in serverErrors)
        {
            audit.Fail($"the simulator's webhook for {delivery.RequestId} ({delivery.Status}) was answered {delivery.ResponseStatus} at {delivery.SentAt:HH:mm:ss.fff}");
        }

        return (during.Count, during.Count(d => d.ResponseStatus == 503), serverErrors.Count);
    }

    // The launcher writes a log per start of the host under the stack's work folder (logs/host.log, host-2.log, …).
    private static int CountUnhandledFailures(string workFolder) =>
        Directory.Exists(workFolder)
            ? Directory.EnumerateFiles(workFolder, "*.log", SearchOption.AllDirectories).Sum(file => File.ReadLines(file).Count(line => line.Contains("Unhandled failure", StringComparison.Ordinal)))
            : 0;

    private static async Task<WebhookAnswer> SendAsync(HttpClient http, WebhookDelivery address, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync(new Uri(address.Url), new { request_id = address.RequestId, status = "PROCESSING" }, cancellationToken);
            return new WebhookAnswer(address, (int)response.StatusCode, response.Headers.RetryAfter is not null);
        }
        catch (HttpRequestException)
        {
            return new WebhookAnswer(address, null, false);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new WebhookAnswer(address, null, false);
        }
    }

    // The address carries the job's webhook secret: never printed.
    private static string Redacted(string url) => url.Split('?')[0];

    private sealed record WebhookAnswer(WebhookDelivery Delivery, int? Status, bool RetryAfter);
}
