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

        var accepted = await jobs.StartAsync(AppJobs.PromptJob("image", "pixazo", prompt));
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
    public async Task PixazoWebhook_AgainAfterTheJobCompleted_IsAnswered200AndChangesNothing()
    {
        using var jobs = new AppJobs(app);
        var prompt = AppJobs.UniquePrompt("late webhook heron");
        var accepted = await jobs.StartAsync(AppJobs.PromptJob("image", "pixazo", prompt));
        var id = accepted.GetProperty("id").GetString()!;
        var done = await jobs.CompletedAsync(id);
        var media = done.GetProperty("result").GetProperty("items")[0].GetProperty("blobUri").GetString();

        // The final status once more, from "Pixazo", to a finished orchestration (the extension refuses the raise-event).
        using var late = await jobs.Client.PostAsync(
            accepted.GetProperty("pixazoWebhookUri").GetString(),
            new StringContent($$$"""{"request_id":"{{{AppJobs.ProgressText(done, "requestId")}}}","status":"COMPLETED","output":{"media_url":["{{{app.Simulator.Url("media/synthetic/late.png?size=100")}}}"]}}""", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(System.Net.HttpStatusCode.OK, late.StatusCode);
        var after = await jobs.GetAsync(AppJobs.JobPath(id));
        Assert.Equal("Completed", AppJobs.Status(after));
        Assert.Equal(media, Assert.Single(after.GetProperty("result").GetProperty("items").EnumerateArray()).GetProperty("blobUri").GetString());
    }

    [Fact]
    public async Task PixazoJob_WaitingLongerThanOneGenerationOfPolls_ContinuesAsNewAndCompletes()
    {
        using var jobs = new AppJobs(app);
        // QUEUED for 8 s, no webhook: more polls than one generation holds (Workflows__PollsPerGeneration is 3 here).
        var prompt = AppJobs.UniquePrompt("patient heron [sim:no-webhook,queued=8000]");

        var id = await jobs.StartIdAsync(AppJobs.PromptJob("image", "pixazo", prompt));
        var job = await jobs.CompletedAsync(id);

        Assert.True(AppJobs.Counter(job, "polls") > 3, job.ToString());
        await jobs.AssertStoredAsync(job, "image/");
        Assert.Equal(1, (await app.Simulator.GetRequestsAsync()).AcceptedOf(SimulatorEndpoints.PixazoTextToImage, prompt));
        // The latest execution's history: it was continued as new, and it says so.
        var details = await jobs.GetAsync(AppJobs.JobPath(id) + "/details");
        Assert.False(string.IsNullOrEmpty(AppJobs.Text(details, "historyNote")), details.ToString());
        Assert.DoesNotContain(details.GetProperty("history").EnumerateArray(), e => AppJobs.Text(e, "type") == "TaskScheduled" && AppJobs.Text(e, "name") == "PixazoSubmitActivity");
    }

    [Fact]
    public async Task PixazoJob_NoWebhookSent_IsFinishedByPolling()
    {
        using var jobs = new AppJobs(app);
        // The simulator never calls this request's webhook back: only polling can finish the job.
        var prompt = AppJobs.UniquePrompt("polled heron [sim:no-webhook]");

        var accepted = await jobs.StartAsync(AppJobs.PromptJob("image", "pixazo", prompt));
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
