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
}
