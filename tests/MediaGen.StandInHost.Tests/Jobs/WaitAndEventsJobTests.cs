using System.Net.ServerSentEvents;

namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// <c>Prefer: wait</c> and <c>GET /api/jobs/{id}/events</c> in the Functions app under the stand-in host: the wait and the
/// stream run in the worker behind the host's HTTP proxy, read by a real SSE parser.
/// </summary>
[Collection(StandInAppCollection.Name)]
public sealed class WaitAndEventsJobTests(StandInAppFixture app)
{
    [Fact]
    public async Task PostJob_PreferWaitQuickJob_Returns201WithTheFinishedJob()
    {
        using var jobs = new AppJobs(app);
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/jobs")
        {
            Content = new StringContent(AppJobs.PromptJob("image", "cosmic", AppJobs.UniquePrompt("waited heron")), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Prefer", "wait=45");

        using var response = await jobs.Client.SendAsync(request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("wait=45", Assert.Single(response.Headers.GetValues("Preference-Applied")));
        using var job = JsonDocument.Parse(body);
        Assert.Equal("Completed", AppJobs.Status(job.RootElement));
        await jobs.AssertStoredAsync(job.RootElement, "image/");
    }

    [Fact]
    public async Task JobEvents_RunningJob_StreamsThroughTheHostUntilTheEndEvent()
    {
        using var jobs = new AppJobs(app);
        var prompt = AppJobs.UniquePrompt("streamed kite");
        await app.Simulator.AddFaultAsync("slow=1500", SimulatorEndpoints.CosmicImage, promptContains: prompt);
        var id = await jobs.StartIdAsync(AppJobs.PromptJob("image", "cosmic", prompt));

        using var response = await jobs.Client.GetAsync($"{AppJobs.JobPath(id)}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var events = new List<SseItem<string>>();
        await foreach (var item in SseParser.Create(await response.Content.ReadAsStreamAsync()).EnumerateAsync())
        {
            events.Add(item);
        }

        Assert.Equal("end", events[^1].EventType);
        Assert.All(events[..^1], e => Assert.Equal("update", e.EventType));
        using var final = JsonDocument.Parse(events[^1].Data);
        Assert.Equal((id, "Completed"), (AppJobs.Text(final.RootElement, "id"), AppJobs.Status(final.RootElement)));
    }
}
