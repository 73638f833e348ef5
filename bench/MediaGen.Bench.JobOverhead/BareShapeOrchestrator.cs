using Microsoft.DurableTask;

namespace MediaGen.Bench.JobOverhead;

/// <summary>
/// The floor: the minimal shape of a Pixazo job and nothing else — a no-op submit (which, like the simulator, has the
/// "webhook" raised at once), <c>WhenAny(event, timer)</c> with the job's safety-net interval, a no-op copy, a no-op publish.
/// </summary>
internal sealed class BareShapeOrchestrator : TaskOrchestrator<TimeSpan, int>
{
    /// <summary>The event the bare submit has raised (the job's webhook).</summary>
    public const string EventName = "BareWebhook";

    public override async Task<int> RunAsync(TaskOrchestrationContext context, TimeSpan input)
    {
        var done = await context.CallActivityAsync<int>(nameof(BareSubmitActivity), 0);
        using var timerStop = new CancellationTokenSource();
        var webhook = context.WaitForExternalEvent<bool>(EventName);
        var timer = context.CreateTimer(context.CurrentUtcDateTime + input, timerStop.Token);
        if (await Task.WhenAny(webhook, timer) == webhook)
        {
            timerStop.Cancel();
        }

        done += await context.CallActivityAsync<int>(nameof(BareStepActivity), 1);
        done += await context.CallActivityAsync<int>(nameof(BareStepActivity), 2);
        return done;
    }
}
