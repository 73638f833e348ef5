using MediaGen.Simulator;
using MediaGen.StandInHost.Tests.Support;

namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// Pixazo's asynchronous jobs under the stand-in host: one finished by its webhook, which the simulator posts back through
/// the host's front door (the app's public address is known before its worker starts), one finished by polling.
/// </summary>
[Collection(StandInAppCollection.Name)]
public sealed class PixazoJobTests(StandInAppFixture app)
{
    [Fact]
    public async Task PixazoJob_StatusPollsFail_IsFinishedByItsWebhookThroughTheFrontDoor()
    {
        using var jobs = new AppJobs(app);
        // Every status poll of this request fails (503): only the webhook can finish the job.
        var prompt = AppJobs.UniquePrompt("webhook heron [sim:poll-503]");

        var accepted = await jobs.StartAsync($$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"{{{prompt}}}"}}""");
        var id = accepted.GetProperty("id").GetString()!;
        var job = await jobs.CompletedAsync(id);

        var webhookRoute = new Uri(app.BaseAddress, "api/webhooks/pixazo/").AbsoluteUri;
        Assert.StartsWith(webhookRoute, accepted.GetProperty("pixazoWebhookUri").GetString(), StringComparison.Ordinal);
        Assert.True(AppJobs.Counter(job, "webhooks") >= 1, job.ToString());
        await jobs.AssertStoredAsync(job, "image/");
        var requestId = AppJobs.ProgressText(job, "requestId");
        var ledger = await app.Simulator.GetRequestsAsync();
        Assert.Contains(ledger.Webhooks, w => w.RequestId == requestId && w.Status == "COMPLETED" && w.ResponseStatus == 200 && w.Url.StartsWith(webhookRoute, StringComparison.Ordinal));
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.PixazoTextToImage, prompt));
        // The orchestration took the webhook as an external event (the real extension's RaiseEvent, from the worker's client).
        var details = await jobs.GetAsync(AppJobs.JobPath(id) + "/details");
        Assert.Contains(details.GetProperty("history").EnumerateArray(), e => AppJobs.Text(e, "type") == "EventRaised" && AppJobs.Text(e, "name") == "PixazoWebhook");
    }

    [Fact]
    public async Task PixazoJob_NoWebhookSent_IsFinishedByPolling()
    {
        using var jobs = new AppJobs(app);
        // The simulator never calls this request's webhook back: only polling can finish the job.
        var prompt = AppJobs.UniquePrompt("polled heron [sim:no-webhook]");

        var accepted = await jobs.StartAsync($$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"{{{prompt}}}"}}""");
        var job = await jobs.CompletedAsync(accepted.GetProperty("id").GetString()!);

        Assert.True(AppJobs.Counter(job, "polls") >= 1, job.ToString());
        Assert.Equal(0, AppJobs.Counter(job, "webhooks"));
        await jobs.AssertStoredAsync(job, "image/");
        var requestId = AppJobs.ProgressText(job, "requestId")!;
        var ledger = await app.Simulator.GetRequestsAsync();
        Assert.True(ledger.Polls.TryGetValue(requestId, out var polls) && polls >= 1, $"no poll of {requestId} reached the simulator");
        Assert.DoesNotContain(ledger.Webhooks, w => w.RequestId == requestId);
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.PixazoTextToImage, prompt));
    }
}
