namespace MediaGen.Workflows.Orchestrations;

/// <summary>
/// Calls an activity that reports expected failures as <see cref="StepFailure"/> data, and retries it on a durable timer
/// when the failure says retrying may help: after the provider's <c>Retry-After</c> when it gave one, otherwise after an
/// exponential backoff. Never waits past the job's deadline, and starts no attempt once it has passed.
/// </summary>
internal static class StepRetry
{
    /// <summary>
    /// Calls <paramref name="activity"/> (its input built per attempt, with the job's trace context) until it succeeds, fails
    /// for good, runs out of attempts or out of time. <paramref name="firstAttempt"/> is the result of a first attempt made
    /// elsewhere (e.g. a copy inside the activity that produced the media): the calls continue from attempt 2, after its
    /// backoff, as if this had made it; returned as it is when it succeeded or its failure is not retried.
    /// </summary>
    public static async Task<T> CallAsync<T>(
        RunningJob run,
        string activity,
        Func<StepTrace, object> input,
        Func<T, StepFailure?> failureOf,
        Func<StepFailure, bool> shouldRetry,
        int maxAttempts,
        TimeSpan interval,
        TimeSpan maxInterval,
        string phase,
        T? firstAttempt = null)
        where T : class
    {
        var context = run.Context;
        var start = 1;
        if (firstAttempt is not null)
        {
            if (failureOf(firstAttempt) is not { } failed || maxAttempts <= 1 || !shouldRetry(failed)
                || !await WaitToRetryAsync(run, failed, interval, maxInterval, 1))
            {
                return firstAttempt;
            }

            start = 2;
        }

        for (var attempt = start; ; attempt++)
        {
            run.ThrowIfPastDeadline();
            run.Progress = run.Progress with { Phase = phase, Attempt = attempt, NextCheckAt = null };
            var result = await context.CallCheckedAsync<T>(activity, input(new StepTrace(run.TraceParent, attempt)));
            run.Stop.ThrowIfCancellationRequested();
            if (failureOf(result) is not { } failure || attempt >= maxAttempts || !shouldRetry(failure))
            {
                return result;
            }

            if (!await WaitToRetryAsync(run, failure, interval, maxInterval, attempt))
            {
                return result;
            }
        }
    }

    /// <summary>Waits before the attempt after <paramref name="attempt"/> failed with <paramref name="failure"/>; false when that would pass the deadline (no wait then).</summary>
    private static async Task<bool> WaitToRetryAsync(RunningJob run, StepFailure failure, TimeSpan interval, TimeSpan maxInterval, int attempt)
    {
        var context = run.Context;
        var delay = failure.RetryAfter is { } retryAfter && retryAfter > TimeSpan.Zero ? retryAfter : Backoff(interval, maxInterval, attempt);
        var at = context.CurrentUtcDateTime + delay;
        if (at >= run.Deadline)
        {
            return false;
        }

        run.Progress = run.Progress with { Phase = "retrying", NextCheckAt = at, LastError = failure.Type };
        await DurableTimers.UntilAsync(context, at, run.Stop);
        return true;
    }

    /// <summary>Whether to call a provider again: only retryable failures, and for expensive kinds (<see cref="ProviderKind.RetryClass"/>), only those proving nothing was bought.</summary>
    public static bool ShouldRetryProvider(JobRequest request, StepFailure failure)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(failure);
        var expensive = ProviderRegistry.Of(request).RetryClass == RetryClass.OnlyWhenNothingBought;
        return failure.Retryable && (!expensive || NothingBought(failure));
    }

    /// <summary>
    /// Whether a final failure of a paid call proves nothing was bought: the provider refused the request (a 4xx answer,
    /// insufficient balance, rate limit; or nothing was sent), or — as the retries already assume — a retryable failure of a
    /// call <see cref="ShouldRetryProvider"/> would have called again. A timeout or an interrupted call of an expensive
    /// generation, or a FAILED one, may have bought: not proven.
    /// </summary>
    public static bool ProvesNothingBought(JobRequest request, StepFailure failure)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(failure);
        return failure.Type is JobErrorCodes.InsufficientBalance or JobErrorCodes.RateLimited or JobErrorCodes.NotConfigured or JobErrorCodes.Unauthorized or JobErrorCodes.Forbidden or JobErrorCodes.InvalidRequest
            || failure.HttpStatus is >= 400 and < 500
            || ShouldRetryProvider(request, failure);
    }

    /// <summary>Rate limits, 408 and 503 prove the provider did not act; a 500 or a timeout may have bought a generation.</summary>
    public static bool NothingBought(StepFailure failure) =>
        failure.Type == JobErrorCodes.RateLimited || failure.HttpStatus is 408 or 503;

    private static TimeSpan Backoff(TimeSpan interval, TimeSpan maxInterval, int attempt)
    {
        var ticks = interval.Ticks * Math.Pow(2, attempt - 1);
        return ticks >= maxInterval.Ticks ? maxInterval : TimeSpan.FromTicks((long)ticks);
    }
}
