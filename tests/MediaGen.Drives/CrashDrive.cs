using System.Diagnostics;

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

        var batchId = await BatchDrive.SubmitAsync(
            stack, options.Items, Folder, Prompt, $"crash-drive-{options.Seed}-{Guid.NewGuid():N}", cancellationToken);

        // Kill points: random fractions of the batch's progress, so every kill lands while items are in flight.
        var points = Enumerable.Range(0, options.Kills).Select(_ => 0.05 + (random.NextDouble() * 0.8)).Order().ToList();
        var killsInFlight = 0;
        foreach (var point in points)
        {
            var done = await BatchDrive.WaitForProgressAsync(stack, batchId, (int)Math.Ceiling(point * options.Items), options.Items, cancellationToken);
            await Task.Delay(random.Next(0, 1500), cancellationToken);
            var (finished, total) = await BatchDrive.ProgressAsync(stack, batchId, cancellationToken);
            stack.Host.Kill();
            killsInFlight += finished < total ? 1 : 0;
            log.WriteLine($"  {started.Elapsed.TotalSeconds,6:0.0} s  SIGKILL #{stack.Host.Kills} at {finished}/{total} items finished (point {point:0.00}, {done} seen)");
            await Task.Delay(random.Next(0, 2000), cancellationToken);
            await stack.Host.StartAsync(cancellationToken);
            log.WriteLine($"  {started.Elapsed.TotalSeconds,6:0.0} s  restarted");
        }

        // After the last restart: the batch must end, every item with it; what is still running then is stuck.
        var batchDone = await BatchDrive.WaitForEndAsync(stack, audit, batchId, options.FinishTimeout, cancellationToken);
        var elapsedRun = started.Elapsed;
        log.WriteLine($"  {elapsedRun.TotalSeconds,6:0.0} s  batch {(batchDone ? "finished" : "NOT finished")}; checking");

        var outcome = await BatchDrive.CheckAsync(stack, audit, batchId, options.Items, Folder, Prompt, cancellationToken);
        if (killsInFlight < options.Kills)
        {
            audit.Fail($"only {killsInFlight} of {options.Kills} kills hit the batch while items were in flight");
        }

        if (stack.Api.ServerErrors > 0)
        {
            audit.Fail($"the API answered 5xx {stack.Api.ServerErrors} times");
        }

        var summary = string.Create(CultureInfo.InvariantCulture,
            $"crash-drive items={options.Items} completed={outcome.Completed} failed_typed={outcome.FailedTyped} lost={outcome.Lost} duplicate_purchases={outcome.DuplicatePurchases} stuck={outcome.Stuck} kills={stack.Host.Kills} " +
            $"failed_types={outcome.FailedTypesText} untyped={outcome.Untyped} orphan_blobs={audit.OrphanBlobs} bad_blobs={audit.BadBlobs} results_messages={audit.ResultMessages} results_duplicates={audit.ResultDuplicates} " +
            $"callbacks={audit.CallbackDeliveries} notify_violations={audit.NotificationViolations} " +
            $"pixazo_polls_per_job={outcome.PixazoPollsPerJob:0.00} rate_limited={stack.Api.RateLimited} seconds={elapsedRun.TotalSeconds:0}");
        return stack.Finish(summary, audit.Violations, log);
    }

    /// <summary>Item <paramref name="index"/>'s prompt: unique, so the simulator's ledger counts its purchases.</summary>
    public static string Prompt(int index) => string.Create(CultureInfo.InvariantCulture, $"Crash drive item {index:D4}: a lighthouse at dusk");
}
