namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// Tells the world a job ended: a message on the results queue, then — when the request gave a <c>callbackUrl</c> — a
/// signed callback retried with backoff under one delivery id. A delivery that fails for good is reported in the outcome;
/// it never changes how the job itself ended. Activities report failures as <see cref="DeliveryOutput"/> data and the
/// waits between attempts are durable timers that are never early (<see cref="DurableTimers"/>).
/// </summary>
internal static class JobNotifier
{
    private const int QueueAttempts = 5;
    private static readonly TimeSpan QueueFirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan QueueMaxRetry = TimeSpan.FromSeconds(30);

    /// <summary>Delivers <paramref name="notification"/>; returns why a delivery failed for good, or null.</summary>
    public static async Task<string?> NotifyAsync(
        TaskOrchestrationContext context, JobNotification notification, string? callbackUrl, JobPolicy policy, string? traceParent)
    {
        var problems = new List<string>();
        var queued = await DeliverAsync(
            context, nameof(PublishResultActivity), attempt => new PublishInput(notification, new StepTrace(traceParent, attempt)), QueueAttempts, QueueFirstRetry, QueueMaxRetry);
        if (queued is not null)
        {
            problems.Add("results queue: " + queued.Message);
        }

        if (callbackUrl is not null)
        {
            // Stable for every attempt (and every replay): receivers drop duplicates by it.
            var deliveryId = context.NewGuid().ToString("N");
            var maxInterval = policy.CallbackMaxRetryInterval < policy.CallbackFirstRetryInterval ? policy.CallbackFirstRetryInterval : policy.CallbackMaxRetryInterval;
            var called = await DeliverAsync(
                context, nameof(SendCallbackActivity), attempt => new CallbackInput(callbackUrl, deliveryId, notification, new StepTrace(traceParent, attempt)),
                policy.CallbackMaxAttempts, policy.CallbackFirstRetryInterval, maxInterval);
            if (called is not null)
            {
                problems.Add("callback: " + called.Message);
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    /// <summary>Runs a delivery activity until it succeeds, fails for good or runs out of attempts; returns the last failure, or null.</summary>
    private static async Task<StepFailure?> DeliverAsync(
        TaskOrchestrationContext context, string activity, Func<int, object> input, int maxAttempts, TimeSpan interval, TimeSpan maxInterval)
    {
        for (var attempt = 1; ; attempt++)
        {
            StepFailure? failure;
            try
            {
                failure = (await context.CallCheckedAsync<DeliveryOutput>(activity, input(attempt))).Failure;
            }
            catch (TaskFailedException ex)
            {
                // An unexpected fault of the activity (a bug, the host going away): worth another attempt, whatever its type.
                failure = new StepFailure(JobErrorCodes.InternalError, ex.FailureDetails.ErrorMessage, Retryable: true);
            }

            if (failure is null || !failure.Retryable || attempt >= maxAttempts)
            {
                return failure;
            }

            var ticks = interval.Ticks * Math.Pow(2, attempt - 1);
            var delay = ticks >= maxInterval.Ticks ? maxInterval : TimeSpan.FromTicks((long)ticks);
            await DurableTimers.UntilAsync(context, context.CurrentUtcDateTime + delay, CancellationToken.None);
        }
    }
}
