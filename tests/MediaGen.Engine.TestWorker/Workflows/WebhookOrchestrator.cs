using Microsoft.DurableTask;

namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>
/// Shaped like an asynchronous provider job: submits (step <c>{key}-submit</c>), reports <c>waiting</c>, waits for one
/// <see cref="Webhook"/>, delivers its result (step <c>{key}-deliver</c>) and returns the webhook; on timeout returns
/// a webhook with status <c>TIMEOUT</c>.
/// </summary>
public sealed class WebhookOrchestrator : TaskOrchestrator<string, Webhook>
{
    /// <summary>The event name.</summary>
    public const string EventName = "webhook";

    /// <inheritdoc />
    public override async Task<Webhook> RunAsync(TaskOrchestrationContext context, string input)
    {
        await context.CallActivityAsync<int>(nameof(RecordedStep), input + "-submit");
        context.SetCustomStatus("waiting");
        Webhook webhook;
        try
        {
            webhook = await context.WaitForExternalEvent<Webhook>(EventName, TimeSpan.FromMinutes(5));
        }
        catch (TaskCanceledException)
        {
            return new Webhook("", "TIMEOUT");
        }

        context.SetCustomStatus("delivering");
        await context.CallActivityAsync<int>(nameof(RecordedStep), input + "-deliver");
        return webhook;
    }
}
