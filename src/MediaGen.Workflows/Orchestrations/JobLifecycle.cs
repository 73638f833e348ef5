using MediaGen.Core.Jobs;
using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask;

namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// Runs a job's work raced against its cancel event and its deadline timer. The deadline timer is the explicit timeout
/// of the cancel-event wait (STYLE rule 9): whichever comes first decides the outcome, and the work stops at its next
/// step. Items stored before a cancel or timeout stay in the outcome.
/// </summary>
internal static class JobLifecycle
{
    /// <summary>
    /// The deadline timer's first leg (<see cref="DurableTimers.DeadlineAsync"/>): most image jobs end within it, so the
    /// timer they leave behind is due soon rather than a whole job timeout later.
    /// </summary>
    public static readonly TimeSpan DeadlineFirstLeg = TimeSpan.FromSeconds(30);

    public static async Task<(JobOutcome Outcome, JobRun Run)> RunAsync(
        TaskOrchestrationContext context, DateTimeOffset deadline, JobProgress initial, Func<JobRun, Task<JobOutcome>> work)
    {
        using var stop = new CancellationTokenSource();
        var run = new JobRun(context, deadline.UtcDateTime, stop.Token, initial);
        run.Progress = initial;
        var cancel = context.WaitForExternalEvent<CancelRequest>(WorkflowEvents.Cancel, stop.Token);
        var expiry = DurableTimers.DeadlineAsync(context, deadline.UtcDateTime, DeadlineFirstLeg, stop.Token);
        var working = work(run);
        var first = await Task.WhenAny(working, cancel, expiry);
        stop.Cancel();
        if (first == working)
        {
            try
            {
                return (await working, run);
            }
            catch (TaskFailedException ex)
            {
                // An activity threw something it does not report as data (a bug or an infrastructure fault).
                return (new JobOutcome(JobStatus.Failed, Partial(run), new JobError("internal_error", ex.FailureDetails.ErrorMessage)), run);
            }
        }

        if (first == cancel)
        {
            var reason = (await cancel)?.Reason;
            return (new JobOutcome(JobStatus.Canceled, Partial(run), new JobError("canceled", string.IsNullOrWhiteSpace(reason) ? "The job was canceled." : reason)), run);
        }

        return (new JobOutcome(JobStatus.Failed, Partial(run),
            new JobError("timeout", $"The job did not finish by its deadline ({deadline.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}).")), run);
    }

    /// <summary>The job's deadline: the one it was given, else <see cref="JobPolicy.JobTimeout"/> after this orchestration started.</summary>
    public static DateTimeOffset DeadlineOf(TaskOrchestrationContext context, JobInput input) =>
        input.Deadline ?? new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)) + input.Policy.JobTimeout;

    /// <summary>A failed outcome from a step failure.</summary>
    public static JobOutcome Failed(JobRun run, StepFailure failure, string? field = null, int? failedStep = null) =>
        new(JobStatus.Failed, Partial(run), new JobError(failure.Type, failure.Message, field), failedStep);

    private static JobResult? Partial(JobRun run) => run.Stored.Count > 0 ? new JobResult([.. run.Stored]) : null;
}
