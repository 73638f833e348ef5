using MediaGen.Workflows.Payloads;
using Microsoft.DurableTask;

namespace MediaGen.Workflows.Orchestrations;

/// <summary>The end of a single job: final custom status, then (unless a batch reports for it) the notifications.</summary>
internal static class JobCompletion
{
    public static async Task<JobOutcome> FinishAsync(TaskOrchestrationContext context, JobRun run, JobInput input, JobOutcome outcome)
    {
        if (!input.Notify)
        {
            run.Progress = run.Progress with { Phase = "done", NextCheckAt = null };
            return outcome;
        }

        run.Progress = run.Progress with { Phase = "notifying", NextCheckAt = null };
        var request = input.Request;
        var notification = new JobNotification(
            context.InstanceId, "job", outcome.Status, request.Kind, request.Provider, outcome.Result, outcome.Error,
            new DateTimeOffset(DateTime.SpecifyKind(context.CurrentUtcDateTime, DateTimeKind.Utc)));
        var problem = await Completion.NotifyAsync(context, notification, request.CallbackUrl, input.Policy, input.TraceParent);
        run.Progress = run.Progress with { Phase = "done" };
        return outcome with { NotificationError = problem };
    }
}
