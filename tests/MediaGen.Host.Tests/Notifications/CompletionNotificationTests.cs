namespace MediaGen.Host.Tests.Notifications;

/// <summary>The host wires the workflows' completion notifications: a results-queue message and a Standard Webhooks-signed, retried callback (verified with the StandardWebhooks package).</summary>
[Collection(JobsCollection.Name)]
public sealed class CompletionNotificationTests(HostEnvironment env)
{
    [Fact]
    public async Task FinishedJob_WithCallbackUrl_IsSignedRetriedWithStableIdAndQueued()
    {
        var attempts = new ConcurrentQueue<ReceivedWebhook>();
        await using var receiver = await LoopbackHttpServer.StartAsync(async context =>
        {
            attempts.Enqueue(await ReceivedWebhook.ReadAsync(context.Request));
            context.Response.StatusCode = attempts.Count <= 2 ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
        });
        await using var host = await env.StartHostAsync();

        var accepted = await host.StartJobAsync($$$"""{"kind":"text","provider":"cosmic","params":{"prompt":"callback please"},"callbackUrl":"{{{receiver.BaseAddress}}}hook"}""");
        await host.WaitForJobAsync(accepted.Id);
        await Waits.ForAsync(() => Task.FromResult(attempts.Count >= 3 ? "" : null), "three callback attempts");

        var all = attempts.ToList();
        Assert.Single(all.Select(a => a.Id).Distinct());
        Assert.All(all, a => Assert.Null(a.Verify(HostEnvironment.CallbackKey)));
        using var body = JsonDocument.Parse(all[^1].Body);
        Assert.Equal(accepted.Id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("Completed", body.RootElement.GetProperty("status").GetString());

        var results = host.Queues.GetQueueClient(host.Names.Results);
        var message = await Waits.ForAsync(async () =>
            (await results.PeekMessagesAsync(32)).Value.FirstOrDefault(m => m.Body.ToString().Contains(accepted.Id, StringComparison.Ordinal)), "the results-queue message");
        using var queued = JsonDocument.Parse(message.Body.ToString());
        Assert.Equal("Completed", queued.RootElement.GetProperty("status").GetString());
    }
}
