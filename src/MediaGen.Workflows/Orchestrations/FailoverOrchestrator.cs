namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// A job with fallbacks: each provider (<see cref="JobRequest.Candidates"/>) runs as a sub-orchestration
/// (<c>{jobId}.p{n}</c>, the provider's own orchestrator, so its paid calls hold their own generation-ledger claims), one
/// after another. The next provider is tried only when the previous one failed in a way that proves it bought nothing
/// (<see cref="JobOutcome.NothingBought"/>) with an error that another provider may not share (<see cref="SkipsTo"/>):
/// insufficient balance, rate limits past the job's patience, outages after the retries, Pixazo ERROR after its
/// resubmissions, missing credentials. After a possible purchase (a timeout of an expensive call, FAILED, an interrupted
/// call) or a cancel the job ends there, so it never buys twice. The outcome lists every provider tried
/// (<see cref="JobOutcome.Providers"/>); the budget is settled and the notifications sent once, here.
/// </summary>
public sealed class FailoverOrchestrator : TaskOrchestrator<JobInput, JobOutcome>
{
    /// <summary>The error types after which the next provider is tried (when nothing was bought).</summary>
    public static IReadOnlySet<string> SkipsTo { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        JobErrorCodes.InsufficientBalance, JobErrorCodes.RateLimited, JobErrorCodes.ProviderUnavailable, JobErrorCodes.SystemError, JobErrorCodes.NotConfigured, JobErrorCodes.Unauthorized, JobErrorCodes.Forbidden,
    };

    /// <summary>The instance id of the <paramref name="index"/>-th provider's run (0: the primary).</summary>
    public static string CandidateId(string jobId, int index) => $"{jobId}.p{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}";

    /// <inheritdoc />
    public override async Task<JobOutcome> RunAsync(TaskOrchestrationContext context, JobInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var deadline = JobRunner.DeadlineOf(context, input);
        var candidates = input.Request.Candidates();
        var attempts = new List<ProviderAttempt>();
        var spent = 0m;
        using var stop = new CancellationTokenSource();
        var cancel = context.WaitForExternalEvent<CancelRequest>(WorkflowEvents.Cancel, stop.Token);
        JobOutcome? outcome = null;
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            context.SetCustomStatus(new JobProgress("generating", Attempt: i + 1, ProviderStatus: JobRequestReader.ProviderText(candidate.Provider)));
            var childId = CandidateId(context.InstanceId, i);
            var child = context.CallSubOrchestratorAsync<JobOutcome>(
                JobOrchestrators.For(candidate),
                new JobInput(candidate, deadline, input.Policy, Notify: false, Cost: input.CandidateCosts?.ElementAtOrDefault(i), TraceParent: input.TraceParent, Owner: input.Owner),
                new SubOrchestrationOptions(instanceId: childId));
            if (await Task.WhenAny(child, cancel) == cancel)
            {
                context.SendEvent(childId, WorkflowEvents.Cancel, await cancel);
            }

            try
            {
                outcome = await child;
            }
            catch (TaskFailedException ex)
            {
                outcome = new JobOutcome(JobStatus.Failed, Error: new JobError(JobErrorCodes.InternalError, ex.FailureDetails.ErrorMessage), Cost: input.CandidateCosts?.ElementAtOrDefault(i));
            }

            spent += outcome.Spent ?? 0m;
            var last = i == candidates.Count - 1;
            if (outcome.Status == JobStatus.Failed && outcome.NothingBought && outcome.Error?.Type is { } type && SkipsTo.Contains(type) && !last && !cancel.IsCompleted)
            {
                attempts.Add(new ProviderAttempt(candidate.Provider, "skipped", type, outcome.Error.Message));
                continue;
            }

            attempts.Add(outcome.Status == JobStatus.Completed
                ? new ProviderAttempt(candidate.Provider, "served")
                : new ProviderAttempt(candidate.Provider, "failed", outcome.Error?.Type, outcome.Error?.Message));
            break;
        }

        stop.Cancel();
        outcome = outcome! with { Spent = spent, Providers = attempts };
        var progress = new JobProgress("done");
        if (!input.Notify)
        {
            await JobFinisher.SettleAsync(context, input.Budget, outcome);
            context.SetCustomStatus(progress);
            return outcome;
        }

        var run = new RunningJob(context, deadline.UtcDateTime, CancellationToken.None, progress, input.TraceParent);
        return await JobFinisher.FinishAsync(context, run, input, outcome);
    }
}
