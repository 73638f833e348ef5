namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// Runs a job's work raced against its cancel event. The deadline needs no timer of its own: the work checks it before
/// every provider or copy attempt and never waits past it (<see cref="StepRetry"/>, the Pixazo wait), and throws
/// <see cref="JobDeadlineException"/> once it has passed, which ends the job <c>timeout</c>. A durable timer per job would
/// leave a message behind in the backend's queues for every job that finished first (the backend cannot take a timer
/// back), and each one costs a discarded work item when it fires; an activity in flight at the deadline is bounded by its
/// own timeouts. Items stored before a cancel or timeout stay in the outcome.
/// </summary>
internal static class JobRunner
{
    public static async Task<(JobOutcome Outcome, RunningJob Run)> RunAsync(
        TaskOrchestrationContext context, DateTimeOffset deadline, JobProgress initial, string? traceParent, Func<RunningJob, Task<JobOutcome>> work)
    {
        using var stop = new CancellationTokenSource();
        var run = new RunningJob(context, deadline.UtcDateTime, stop.Token, initial, traceParent);
        run.Progress = initial;
        var cancel = context.WaitForExternalEvent<CancelRequest>(WorkflowEvents.Cancel, stop.Token);
        var working = work(run);
        var first = await Task.WhenAny(working, cancel);
        stop.Cancel();
        if (first == working)
        {
            try
            {
                return (await working, run);
            }
            catch (JobDeadlineException)
            {
                return (TimedOut(run, deadline), run);
            }
            catch (TaskFailedException ex)
            {
                // An activity threw something it does not report as data (a bug or an infrastructure fault).
                return (new JobOutcome(JobStatus.Failed, Partial(run), new JobError(JobErrorCodes.InternalError, ex.FailureDetails.ErrorMessage)), run);
            }
        }

        var reason = (await cancel)?.Reason;
        return (new JobOutcome(JobStatus.Canceled, Partial(run), new JobError(JobErrorCodes.Canceled, string.IsNullOrWhiteSpace(reason) ? "The job was canceled." : reason)), run);
    }

    /// <summary>The job's deadline: the one it was given, else <see cref="JobPolicy.JobTimeout"/> after this orchestration started.</summary>
    public static DateTimeOffset DeadlineOf(TaskOrchestrationContext context, JobInput input) =>
        input.Deadline ?? new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)) + input.Policy.JobTimeout;

    /// <summary>A failed outcome from a step failure.</summary>
    public static JobOutcome Failed(RunningJob run, StepFailure failure, string? field = null, int? failedStep = null) =>
        new(JobStatus.Failed, Partial(run), new JobError(failure.Type, failure.Message, field), failedStep);

    private static JobOutcome TimedOut(RunningJob run, DateTimeOffset deadline) =>
        new(JobStatus.Failed, Partial(run), new JobError(JobErrorCodes.Timeout, $"The job did not finish by its deadline ({deadline.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ})."));

    private static JobResult? Partial(RunningJob run) => run.Stored.Count > 0 ? new JobResult([.. run.Stored]) : null;
}
