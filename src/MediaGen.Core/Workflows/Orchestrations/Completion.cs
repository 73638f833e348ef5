using MediaGen.Core.Notifications;
using MediaGen.Core.Workflows.Activities;
using MediaGen.Core.Workflows.Payloads;
using MediaGen.Durable;

namespace MediaGen.Core.Workflows.Orchestrations;

/// <summary>
/// Tells the world a job ended: a message on the results queue, then — when the request gave a <c>callbackUrl</c> — a
/// signed callback retried with backoff under one delivery id. A delivery that fails for good is reported in the outcome;
/// it never changes how the job itself ended.
/// </summary>
internal static class Completion
{
    private static readonly RetryPolicy QueuePolicy = new(5, TimeSpan.FromSeconds(1), 2.0, TimeSpan.FromSeconds(30));

    /// <summary>Delivers <paramref name="notification"/>; returns why a delivery failed for good, or null.</summary>
    public static async Task<string?> NotifyAsync(TaskOrchestrationContext context, JobNotification notification, string? callbackUrl, JobPolicy policy)
    {
        var problems = new List<string>();
        try
        {
            await context.CallActivityAsync<bool>(nameof(PublishResultActivity), notification, TaskOptions.FromRetryPolicy(QueuePolicy));
        }
        catch (TaskFailedException ex)
        {
            problems.Add("results queue: " + ex.FailureDetails.ErrorMessage);
        }

        if (callbackUrl is not null)
        {
            // Stable for every attempt (and every replay): receivers drop duplicates by it.
            var deliveryId = context.NewGuid().ToString("N");
            var retry = new RetryPolicy(
                policy.CallbackMaxAttempts,
                policy.CallbackFirstRetryInterval,
                2.0,
                policy.CallbackMaxRetryInterval < policy.CallbackFirstRetryInterval ? policy.CallbackFirstRetryInterval : policy.CallbackMaxRetryInterval)
            {
                HandleFailure = failure => failure.IsCausedBy<CallbackDeliveryException>(),
            };
            try
            {
                await context.CallActivityAsync<bool>(nameof(SendCallbackActivity), new CallbackInput(callbackUrl, deliveryId, notification), TaskOptions.FromRetryPolicy(retry));
            }
            catch (TaskFailedException ex)
            {
                problems.Add("callback: " + ex.FailureDetails.ErrorMessage);
            }
        }

        return problems.Count == 0 ? null : string.Join("; ", problems);
    }
}
