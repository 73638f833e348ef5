namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// A Pixazo job (text-to-image, image-to-video): an idempotent submit, then <c>WhenAny(webhook event, durable timer)</c>
/// with a status poll on every timer (backoff from <see cref="JobPolicy.PollInitialInterval"/> up to
/// <see cref="JobPolicy.PollMaxInterval"/>) until COMPLETED, FAILED or ERROR. Webhooks are hints: Pixazo does not sign
/// them, so whoever holds the URL could report anything; a webhook reporting a final status is confirmed by one status
/// poll, and the poll's answer is what the job acts on (a forged COMPLETED or FAILED changes nothing; a failed poll leaves
/// the job waiting and polling). The poll is given the job's output, so a poll that reads COMPLETED copies the media in the
/// same activity (<see cref="PixazoPollActivity"/>); a copy of those that failed retryably is retried by its own activity,
/// as any copy (<see cref="MediaCopies"/>). The first confirmed final status wins; later webhooks or polls change nothing. ERROR (not charged) is resubmitted up to <see cref="JobPolicy.MaxPixazoSubmissions"/>
/// times; FAILED is final. Every output URL is copied. Custom status: <see cref="JobProgress"/> with the provider status,
/// request id, submission, polls and webhooks. After <see cref="JobPolicy.PollsPerGeneration"/> waits the job continues as
/// new carrying its state (<see cref="PixazoResume"/>), so its history stays bounded however long Pixazo takes.
/// </summary>
public sealed class PixazoGenerationOrchestrator : TaskOrchestrator<JobInput, JobOutcome>
{
    /// <inheritdoc />
    public override async Task<JobOutcome> RunAsync(TaskOrchestrationContext context, JobInput input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var resume = input.Resume;
        var deadline = resume?.Deadline ?? JobRunner.DeadlineOf(context, input);
        if (resume is null)
        {
            JobTelemetry.Started(context, nameof(PixazoGenerationOrchestrator), input.Request.Provider, input.Request.Kind, input.TraceParent);
        }

        Flow? flow = null;
        var (outcome, run) = await JobRunner.RunAsync(context, deadline, resume?.Progress ?? new JobProgress("submitting"), input.TraceParent, run =>
        {
            flow = new Flow(run, input, deadline);
            return flow.RunAsync();
        });
        if (flow?.Continuation is { } continuation && outcome.Status == JobStatus.Running)
        {
            // The history holds PollsPerGeneration polls: start a fresh one with the state (buffered events carry over).
            context.ContinueAsNew(input with { Resume = continuation }, preserveUnprocessedEvents: true);
            return outcome;
        }

        var finished = await JobFinisher.FinishAsync(context, run, input, outcome with { Cost = run.CostOf(input.Cost), Spent = run.Charge, NothingBought = run.NothingBought });
        JobTelemetry.Ended(context, input.Request.Provider, input.Request.Kind, finished);
        return finished;
    }

    /// <summary>One run of the flow; holds the webhook wait across loop turns and submissions.</summary>
    private sealed class Flow(RunningJob run, JobInput input, DateTimeOffset deadline)
    {
        private readonly TaskOrchestrationContext _context = run.Context;
        private readonly JobPolicy _policy = input.Policy;
        private readonly decimal? _estimate = input.Cost?.Estimate;
        private Task<PixazoStatusReport>? _webhook;
        private DateTime? _submittedAt = input.Resume?.SubmittedAt;

        /// <summary>What the poll that read COMPLETED copied (null when it copied nothing).</summary>
        private IReadOnlyList<CopyOutput>? _copied;

        /// <summary>Set when the flow stopped to continue as new: the state the next generation resumes from.</summary>
        public PixazoResume? Continuation { get; private set; }

        public async Task<JobOutcome> RunAsync()
        {
            var request = input.Request;
            var resume = input.Resume;
            for (var submission = resume?.Submission ?? 1; ; submission++)
            {
                PixazoStatusReport report;
                if (resume is not null)
                {
                    // Continued as new while a submitted request was running: its purchase is still open.
                    run.PurchaseStarting(_estimate);
                    report = new PixazoStatusReport(resume.RequestId, PixazoStatus.Processing, null, [], null);
                }
                else
                {
                    run.Progress = run.Progress with { Submission = submission, ProviderStatus = null, RequestId = null };
                    run.PurchaseStarting(_estimate);
                    var submitted = await StepRetry.CallAsync<PixazoSubmitOutput>(
                        run, nameof(PixazoSubmitActivity), trace => new PixazoSubmitInput(request, submission, trace), o => o.Failure,
                        f => f.Retryable && StepRetry.NothingBought(f), _policy.ProviderMaxAttempts, _policy.ProviderRetryInterval,
                        _policy.ProviderMaxRetryInterval, "submitting");
                    if (submitted.Failure is { } failure)
                    {
                        run.PurchaseEnded(_estimate, null, StepRetry.ProvesNothingBought(request, failure));
                        return JobRunner.Failed(run, failure);
                    }

                    report = submitted.Report!;
                    _submittedAt = _context.CurrentUtcDateTime;
                    run.Progress = run.Progress with { Phase = "waiting", RequestId = report.RequestId, ProviderStatus = Wire(report.Status) };
                }

                var (final, waitFailure) = report.IsTerminal ? (report, null) : await WaitAsync(submission, report.RequestId, resume);
                resume = null;
                if (waitFailure is not null)
                {
                    return JobRunner.Failed(run, waitFailure);
                }

                if (final is null)
                {
                    // Continuing as new: the orchestrator takes Continuation from here.
                    return new JobOutcome(JobStatus.Running);
                }

                // ERROR is documented "not charged"; FAILED is not, so it counts at the estimate.
                run.PurchaseEnded(
                    _estimate,
                    final.Status == PixazoStatus.Completed && input.Cost is { } estimate ? JobCosts.Actual(estimate, request, null, final.MediaUrls.Count) : null,
                    nothingBought: final.Status == PixazoStatus.Error);
                switch (final.Status)
                {
                    case PixazoStatus.Completed:
                        JobTelemetry.PixazoGenerated(_context, request.Kind, _submittedAt);
                        return await CopyAsync(final);
                    case PixazoStatus.Error when submission < _policy.MaxPixazoSubmissions:
                        run.Progress = run.Progress with { LastError = JobErrorCodes.SystemError };
                        continue;
                    case PixazoStatus.Error:
                        return JobRunner.Failed(run, new StepFailure(JobErrorCodes.SystemError,
                            $"Pixazo reported a system ERROR (not charged) on all {submission} submissions; last: {final.Error ?? "no reason given"}.", Retryable: true));
                    default:
                        return JobRunner.Failed(run, new StepFailure(JobErrorCodes.GenerationFailed,
                            $"Pixazo request {final.RequestId} FAILED: {final.Error ?? "no reason given"}.", Retryable: false));
                }
            }
        }

        /// <summary>
        /// Waits for a final status (webhook or poll). Returns (null, null) after <see cref="JobPolicy.PollsPerGeneration"/>
        /// waits (polls or webhooks) in this generation, with <see cref="Continuation"/> set, so the history stays bounded.
        /// </summary>
        private async Task<(PixazoStatusReport? Final, StepFailure? Failure)> WaitAsync(int submission, string requestId, PixazoResume? resume)
        {
            var delay = resume?.Delay ?? _policy.PollInitialInterval;
            var pollFailures = resume?.PollFailures ?? 0;
            // A webhook that arrived while the last poll ran has already been handed to the wait: read it in one more
            // turn, or it would be lost with this generation (only events nobody waited for carry over).
            for (var turns = 0; turns < Math.Max(1, _policy.PollsPerGeneration) || _webhook is { IsCompletedSuccessfully: true }; turns++)
            {
                // One webhook wait outlives the loop turns, so an event is never left to a cancelled waiter.
                _webhook ??= _context.WaitForExternalEvent<PixazoStatusReport>(WorkflowEvents.PixazoWebhook, run.Stop);
                run.ThrowIfPastDeadline();
                var next = _context.CurrentUtcDateTime + delay;
                var due = next < run.Deadline ? next : run.Deadline;
                run.Progress = run.Progress with { Phase = "waiting", NextCheckAt = due };
                using var timerStop = CancellationTokenSource.CreateLinkedTokenSource(run.Stop);
                var timer = DurableTimers.UntilAsync(_context, due, timerStop.Token);
                var byWebhook = await Task.WhenAny(_webhook, timer) == _webhook;
                run.Stop.ThrowIfCancellationRequested();
                if (byWebhook)
                {
                    timerStop.Cancel();
                    var pushed = await _webhook;
                    _webhook = null;
                    JobTelemetry.PixazoReport(_context, "pixazo webhook", run.TraceParent, pushed, input.Request.Kind);
                    run.Progress = run.Progress with { Webhooks = run.Progress.Webhooks + 1 };
                    if (pushed.RequestId != requestId)
                    {
                        continue; // an earlier submission's
                    }

                    if (!pushed.IsTerminal)
                    {
                        Observe(pushed);
                        continue;
                    }

                    // A final status is only a hint until Pixazo itself confirms it: one poll, whose answer wins.
                }
                else
                {
                    run.ThrowIfPastDeadline();
                }

                var (confirmed, failure) = await PollAsync(requestId);
                if (failure is not null)
                {
                    run.Progress = run.Progress with { LastError = failure.Type };
                    if (++pollFailures >= _policy.MaxConsecutivePollFailures)
                    {
                        return (null, failure with { Message = $"Polling Pixazo failed {pollFailures} times in a row; last: {failure.Message}" });
                    }
                }
                else
                {
                    pollFailures = 0;
                    if (Observe(confirmed!) is { } final)
                    {
                        return (final, null);
                    }
                }

                if (byWebhook)
                {
                    continue; // a webhook's confirmation: the polling schedule is unchanged
                }

                var longer = delay.Ticks * _policy.PollBackoffCoefficient;
                delay = longer >= _policy.PollMaxInterval.Ticks ? _policy.PollMaxInterval : TimeSpan.FromTicks((long)longer);
            }

            Continuation = new PixazoResume(submission, requestId, delay, pollFailures, deadline, run.Progress, _submittedAt);
            return (null, null);
        }

        /// <summary>One status poll of <paramref name="requestId"/> (counted in the progress): Pixazo's report, or why it could not be read.</summary>
        private async Task<(PixazoStatusReport? Report, StepFailure? Failure)> PollAsync(string requestId)
        {
            var plan = new PixazoCopyPlan(input.Request.Output, JobRequestReader.ProviderText(input.Request.Provider), input.Request.Kind, Model);
            var polled = await _context.CallCheckedAsync<PixazoPollOutput>(
                nameof(PixazoPollActivity), new PixazoPollInput(requestId, new StepTrace(run.TraceParent, run.Progress.Polls + 1), plan));
            run.Stop.ThrowIfCancellationRequested();
            run.Progress = run.Progress with { Polls = run.Progress.Polls + 1 };
            _copied = polled.Copies;
            return (polled.Report, polled.Failure);
        }

        private PixazoStatusReport? Observe(PixazoStatusReport report)
        {
            run.Progress = run.Progress with { ProviderStatus = Wire(report.Status) };
            return report.IsTerminal ? report : null;
        }

        private string Model => ((IPixazoKind)ProviderRegistry.Of(input.Request)).Model;

        private async Task<JobOutcome> CopyAsync(PixazoStatusReport final)
        {
            var items = final.MediaUrls.Select((url, i) => new MediaToCopy(i, url, final.MediaType, final.RequestId, null, Model)).ToList();
            var failure = await MediaCopies.CopyAsync(run, input.Request, items, _policy, _copied);
            return failure is null
                ? new JobOutcome(JobStatus.Completed, new JobResult([.. run.Stored]))
                : JobRunner.Failed(run, failure);
        }

        private static string Wire(PixazoStatus status) => WireNames.Of(status);
    }
}
