namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// A job on a synchronous provider (Cosmic text, image, video, video extension, audio; CometAPI image): the provider
/// call with retries from the error taxonomy (<c>Retry-After</c> honoured on a durable timer), one copy activity per
/// media item, then the completion message and callback. Custom status: <see cref="JobProgress"/>. The outcome carries the
/// cost (estimate and actual) and what the job's budget is charged.
/// </summary>
public sealed class SyncGenerationOrchestrator : TaskOrchestrator<JobInput, JobOutcome>
{
    /// <inheritdoc />
    public override async Task<JobOutcome> RunAsync(TaskOrchestrationContext context, JobInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        JobTelemetry.Started(context, nameof(SyncGenerationOrchestrator), input.Request.Provider, input.Request.Kind, input.TraceParent);
        var (outcome, run) = await JobRunner.RunAsync(
            context, JobRunner.DeadlineOf(context, input), new JobProgress("generating"), input.TraceParent, run => GenerateAsync(run, input));
        var finished = await JobFinisher.FinishAsync(context, run, input, outcome with { Cost = run.CostOf(input.Cost), Spent = run.Charge, NothingBought = run.NothingBought });
        JobTelemetry.Ended(context, input.Request.Provider, input.Request.Kind, finished);
        return finished;
    }

    private static async Task<JobOutcome> GenerateAsync(RunningJob run, JobInput input)
    {
        var step = await SyncGeneration.RunAsync(run, input.Request, 0, input.Policy, input.Cost?.Estimate);
        return step.Failure is { } failure
            ? JobRunner.Failed(run, failure)
            : new JobOutcome(JobStatus.Completed, new JobResult([.. run.Stored], step.Text, step.Usage));
    }
}
