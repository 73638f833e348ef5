using MediaGen.Simulator.Faults;

namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// Pixazo's asynchronous jobs under the stand-in host: one finished by its webhook, which the simulator posts back through
/// the host's front door (the app's public address is known before its worker starts) and which one status poll confirms;
/// one finished by polling; one that waits longer than one generation of waits and continues as new; a late webhook.
/// </summary>
[Collection(StandInAppCollection.Name)]
public sealed class PixazoJobTests(StandInAppFixture app)
{
    [Fact]
    public async Task PixazoJob_SimulatorCallsTheWebhookBack_IsFinishedByItThroughTheFrontDoor()
    {
        using var jobs = new AppJobs(app);
        var prompt = AppJobs.UniquePrompt("webhook heron");

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
        // The orchestration took the webhook as an external event (the real extension's RaiseEvent, from the worker's
        // client), and the poll that confirmed the final status was the webhook's: no timer fired between the two.
        var history = await HistoryAsync(jobs, id);
        var lastPoll = history.FindLastIndex(e => e is { Type: "TaskScheduled", Name: "PixazoPollActivity" });
        Assert.True(lastPoll > 0, string.Join(", ", history));
        Assert.Equal(("EventRaised", "PixazoWebhook"), history[..lastPoll].Last(e => e.Type is "EventRaised" or "TimerFired"));
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

    [Fact]
    public async Task PixazoJob_WaitingLongerThanOneGenerationOfWaits_ContinuesAsNewAndCompletes()
    {
        using var jobs = new AppJobs(app);
        var prompt = AppJobs.UniquePrompt("patient heron [sim:no-webhook]");
        // While this rule is armed Pixazo's status cannot be read (503): no poll, scheduled or confirming a webhook, can end the job.
        var unreadable = await app.Simulator.AddFaultAsync(new FaultRule { Fault = "503", Endpoint = SimulatorEndpoints.PixazoStatus, PromptContains = prompt, Count = 0 });
        var accepted = await jobs.StartAsync(AppJobs.PromptJob("image", "pixazo", prompt));
        var id = accepted.GetProperty("id").GetString()!;
        var webhook = accepted.GetProperty("pixazoWebhookUri").GetString()!;
        var requestId = AppJobs.ProgressText(await jobs.WaitAsync(AppJobs.JobPath(id), j => AppJobs.ProgressText(j, "requestId") is not null, "the submission"), "requestId")!;

        // PROCESSING webhooks, one at a time, each a wait of the generation (Workflows__PollsPerGeneration is 3 here), until it continues as new.
        await jobs.UntilAsync(
            async () =>
            {
                var seen = AppJobs.Counter(await jobs.GetAsync(AppJobs.JobPath(id)), "webhooks");
                using var processing = await PostWebhookAsync(jobs, webhook, $$$"""{"request_id":"{{{requestId}}}","status":"PROCESSING"}""");
                Assert.Equal(HttpStatusCode.OK, processing.StatusCode);
                await jobs.WaitAsync(AppJobs.JobPath(id), j => AppJobs.Counter(j, "webhooks") > seen, "the PROCESSING webhook to be taken");
                return AppJobs.Text(await jobs.GetAsync(AppJobs.JobPath(id) + "/details"), "historyNote");
            },
            () => "the job to continue as new");
        using var readable = await app.Simulator.Client.DeleteAsync(new Uri($"/_simulator/faults/{unreadable.Id}", UriKind.Relative));
        Assert.True(readable.IsSuccessStatusCode, $"disarming {unreadable.Id}: {readable.StatusCode}");

        // Pixazo finished long ago; a COMPLETED webhook (its URL made up) makes the job confirm it with Pixazo's own answer.
        using var completed = await PostWebhookAsync(jobs, webhook, $$$"""{"request_id":"{{{requestId}}}","status":"COMPLETED","output":{"media_url":["{{{app.Simulator.Url("media/synthetic/made-up.png?size=64")}}}"]}}""");
        var job = await jobs.CompletedAsync(id);

        var item = Assert.Single(await jobs.AssertStoredAsync(job, "image/"));
        Assert.Equal(requestId, item.GetProperty("providerId").GetString());
        Assert.NotEqual(64, item.GetProperty("size").GetInt64());
        Assert.Equal(1, (await app.Simulator.GetRequestsAsync()).AcceptedOf(SimulatorEndpoints.PixazoTextToImage, prompt));
        var details = await jobs.GetAsync(AppJobs.JobPath(id) + "/details");
        Assert.False(string.IsNullOrEmpty(AppJobs.Text(details, "historyNote")), details.ToString());
        // The latest execution's history: the submission was in the first one.
        Assert.DoesNotContain(await HistoryAsync(jobs, id), e => e is { Type: "TaskScheduled", Name: "PixazoSubmitActivity" });
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

        // The final status once more, as "Pixazo", to a finished orchestration.
        using var late = await PostWebhookAsync(
            jobs, accepted.GetProperty("pixazoWebhookUri").GetString()!,
            $$$"""{"request_id":"{{{AppJobs.ProgressText(done, "requestId")}}}","status":"COMPLETED","output":{"media_url":["{{{app.Simulator.Url("media/synthetic/late.png?size=100")}}}"]}}""");

        Assert.Equal(HttpStatusCode.OK, late.StatusCode);
        var after = await jobs.GetAsync(AppJobs.JobPath(id));
        Assert.Equal("Completed", AppJobs.Status(after));
        Assert.Equal(media, Assert.Single(after.GetProperty("result").GetProperty("items").EnumerateArray()).GetProperty("blobUri").GetString());
    }

    private static Task<HttpResponseMessage> PostWebhookAsync(AppJobs jobs, string url, string json) =>
        jobs.Client.PostAsync(url, new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>The job's history (type and name of each event) from its details.</summary>
    private static async Task<List<(string? Type, string? Name)>> HistoryAsync(AppJobs jobs, string id) =>
        [.. (await jobs.GetAsync(AppJobs.JobPath(id) + "/details")).GetProperty("history").EnumerateArray().Select(e => (AppJobs.Text(e, "type"), AppJobs.Text(e, "name")))];
}
