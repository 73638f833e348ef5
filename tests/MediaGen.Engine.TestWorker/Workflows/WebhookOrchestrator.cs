namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>
/// Shaped like an asynchronous provider job: submits (step <c>{key}-submit</c>, taking the given time), reports
/// <c>waiting</c>, waits for one <see cref="Webhook"/>, delivers the result (step <c>{key}-deliver</c>) and returns the
/// webhook; on timeout it returns a webhook with status <c>TIMEOUT</c>.
/// </summary>
public sealed class WebhookOrchestrator : TaskOrchestrator<WebhookJob, Webhook>
{
    /// <summary>The event name.</summary>
    public const string EventName = "webhook";

    /// <inheritdoc />
    public override async Task<Webhook> RunAsync(TaskOrchestrationContext context, WebhookJob input)
    {
        await context.CallActivityAsync<int>(nameof(LongActivity), new LongWork(input.Key + "-submit", input.SubmitTime));
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
        await context.CallActivityAsync<int>(nameof(RecordedStep), input.Key + "-deliver");
        return webhook;
    }
}
