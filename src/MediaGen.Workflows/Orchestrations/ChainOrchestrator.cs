using MediaGen.Core.Providers.Cosmic;

namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// A chained video extension: an initial Cosmic video (or an existing <c>media_id</c>), then one extension per prompt,
/// each extending the previous segment's media id. Every segment is copied to Blob Storage as it lands (item index =
/// segment index). A failure at step k ends the chain Failed with segments 1..k-1 kept in the result,
/// <see cref="JobOutcome.FailedStep"/> = k and the error's field naming the prompt (<c>prompts[i]</c>, or <c>initial</c>).
/// Custom status: <see cref="JobProgress"/> with <c>step</c>, <c>steps</c> and <c>failedStep</c>.
/// </summary>
public sealed class ChainOrchestrator : TaskOrchestrator<ChainInput, JobOutcome>
{
    /// <inheritdoc />
    public override async Task<JobOutcome> RunAsync(TaskOrchestrationContext context, ChainInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var steps = (input.Initial is null ? 0 : 1) + input.Prompts.Count;
        JobTelemetry.Started(context, nameof(ChainOrchestrator), ProviderName.Cosmic, JobKind.VideoExtension, input.TraceParent);
        var (outcome, run) = await JobRunner.RunAsync(
            context, input.Deadline, new JobProgress("generating", Step: 1, Steps: steps), input.TraceParent, run => ExtendAsync(run, input, steps));
        outcome = outcome with { Cost = run.CostOf(input.Cost), Spent = run.Charge };
        await JobFinisher.SettleAsync(context, input.Budget, outcome);
        run.Progress = run.Progress with { Phase = "notifying", NextCheckAt = null };
        var notification = new JobNotification(
            context.InstanceId, "chain", outcome.Status, JobKind.VideoExtension, ProviderName.Cosmic, outcome.Result, outcome.Error,
            new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)), outcome.FailedStep, Cost: outcome.Cost);
        var problem = await JobNotifier.NotifyAsync(context, notification, input.CallbackUrl, input.Policy, input.TraceParent);
        run.Progress = run.Progress with { Phase = "done" };
        JobTelemetry.Ended(context, ProviderName.Cosmic, JobKind.VideoExtension, outcome);
        return outcome with { NotificationError = problem };
    }

    /// <summary>The params of one extension step (snake_case, as Cosmic documents them).</summary>
    internal static JsonElement ExtensionParams(string mediaId, string prompt, string? model)
    {
        var fields = new Dictionary<string, string> { ["media_id"] = mediaId, ["prompt"] = prompt };
        if (model is not null)
        {
            fields["model"] = model;
        }

        return JsonSerializer.SerializeToElement(fields);
    }

    private static async Task<JobOutcome> ExtendAsync(RunningJob run, ChainInput input, int steps)
    {
        var previous = input.MediaId;
        var step = 0;
        long? inputTokens = null, outputTokens = null;
        if (input.Initial is { } initial)
        {
            step++;
            var video = new JobRequest(JobKind.Video, ProviderName.Cosmic, initial, input.Output);
            var first = await SyncGeneration.RunAsync(run, video, 0, input.Policy, JobCosts.Estimate(video).Estimate);
            if (first.Failure is { } failure)
            {
                return Stopped(run, step, "initial", failure);
            }

            previous = first.ProviderId;
            Add(first.Usage);
        }

        for (var i = 0; i < input.Prompts.Count; i++)
        {
            step++;
            run.Progress = run.Progress with { Step = step };
            var request = new JobRequest(JobKind.VideoExtension, ProviderName.Cosmic, ExtensionParams(previous!, input.Prompts[i], input.Model), input.Output);
            var extension = await SyncGeneration.RunAsync(run, request, step - 1, input.Policy, CosmicTokenCosts.VideoExtension(input.Model));
            if (extension.Failure is { } failure)
            {
                return Stopped(run, step, $"prompts[{i}]", failure);
            }

            previous = extension.ProviderId;
            Add(extension.Usage);
        }

        var usage = inputTokens is null && outputTokens is null ? null : new JobUsage(inputTokens, outputTokens);
        return new JobOutcome(JobStatus.Completed, new JobResult([.. run.Stored], Usage: usage));

        void Add(JobUsage? used)
        {
            if (used is not null)
            {
                inputTokens = (inputTokens ?? 0) + (used.InputTokens ?? 0);
                outputTokens = (outputTokens ?? 0) + (used.OutputTokens ?? 0);
            }
        }

        JobOutcome Stopped(RunningJob stoppedRun, int failedStep, string field, StepFailure failure)
        {
            stoppedRun.Progress = stoppedRun.Progress with { FailedStep = failedStep };
            return JobRunner.Failed(stoppedRun, failure with { Message = $"Step {failedStep} of {steps} failed: {failure.Message}" }, field, failedStep);
        }
    }
}
