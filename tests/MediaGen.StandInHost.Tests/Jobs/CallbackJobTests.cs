namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// A job's completion callback under the stand-in host: delivered to a receiver over loopback, retried on a durable timer
/// after a failed attempt with the same delivery id, and signed so the receiver verifies it (Standard Webhooks, with the
/// StandardWebhooks package, independent of MediaGen's signer) with the app's <c>Callbacks__SigningKey</c>.
/// </summary>
[Collection(StandInAppCollection.Name)]
public sealed class CallbackJobTests(StandInAppFixture app)
{
    [Fact]
    public async Task FinishedJob_WithCallbackUrl_DeliversASignedCallbackTheReceiverVerifies()
    {
        // The first attempt fails: the callback must be retried to arrive.
        await using var receiver = await CallbackReceiver.StartAsync(app.Setting("Callbacks__SigningKey"), refuseFirst: _ => true);
        using var jobs = new AppJobs(app);

        var id = (await jobs.StartAsync($$$"""{"kind":"text","provider":"cosmic","params":{"prompt":"{{{AppJobs.UniquePrompt("callback please")}}}"},"callbackUrl":"{{{receiver.Url}}}"}""")).GetProperty("id").GetString()!;
        await jobs.CompletedAsync(id);
        await receiver.WhenAccepted(id).WaitAsync(Waits.HangGuard);

        var all = receiver.Received;
        Assert.Equal(2, all.Count);
        Assert.All(receiver.Deliveries, d => Assert.True(d.SignatureValid));
        Assert.Single(all.Select(a => a.Id).Distinct());
        Assert.All(all, a => Assert.Null(a.Verify(app.Setting("Callbacks__SigningKey"))));
        Assert.NotNull(all[^1].Verify(ReceivedWebhook.NewSecret()));
        using var body = JsonDocument.Parse(all[^1].Body);
        Assert.Equal(id, body.RootElement.GetProperty("id").GetString());
        Assert.Equal("Completed", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task FinishedJob_WithAllCallbackEvents_DeliversStartedOutputCompletedInOrder()
    {
        var key = app.Setting("Callbacks__SigningKey");
        await using var receiver = await CallbackReceiver.StartAsync(key);
        using var jobs = new AppJobs(app);

        var id = (await jobs.StartAsync($$$"""
            {"kind":"image","provider":"cosmic","params":{"prompt":"{{{AppJobs.UniquePrompt("events please")}}}"},
             "callbackUrl":"{{{receiver.Url}}}","callbackEvents":["started","output","completed"]}
            """)).GetProperty("id").GetString()!;
        var job = await jobs.CompletedAsync(id);
        await receiver.WhenAccepted(id).WaitAsync(Waits.HangGuard);

        // Delivered from the app's activities through the Functions host's Durable extension, in the documented order.
        var got = receiver.Deliveries.Where(d => d.JobId == id).ToList();
        Assert.Equal([("started", null), ("output", 0), ("completed", (int?)null)], got.Select(d => (d.Event!, d.Index)));
        Assert.All(got, d => Assert.True(d.SignatureValid));
        Assert.Equal(3, got.Select(d => d.DeliveryId).Distinct().Count());
        using var completed = JsonDocument.Parse(receiver.Received[^1].Body);
        Assert.Equal("completed", completed.RootElement.GetProperty("event").GetString());
        Assert.True(completed.RootElement.GetProperty("metrics").GetProperty("totalSeconds").GetDouble() > 0);
        var metrics = job.GetProperty("metrics");
        // Milliseconds as doubles: 0.022 + 0.081 + 0.004 is 0.10700000000000001, a hair above the 0.107 the job reports.
        Assert.True(metrics.GetProperty("totalSeconds").GetDouble() >= metrics.GetProperty("queuedSeconds").GetDouble()
            + metrics.GetProperty("providerSeconds").GetDouble() + metrics.GetProperty("copySeconds").GetDouble() - 1e-9, metrics.ToString());
    }
}
