namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// A job of every kind and provider the app supports runs to Completed in the Functions app under the stand-in host: HTTP
/// through the front door to the worker, the orchestration replayed by the real Durable extension over its out-of-process
/// protocol, activities invoked in the worker; its media lands in Blob Storage, bought once.
/// </summary>
[Collection(StandInAppCollection.Name)]
public sealed class ProviderJobTests(StandInAppFixture app)
{
    [Theory]
    [InlineData("text", "cosmic", """{"prompt":"PROMPT","max_tokens":100}""", SimulatorEndpoints.CosmicText, "text/plain")]
    [InlineData("image", "cosmic", """{"prompt":"PROMPT"}""", SimulatorEndpoints.CosmicImage, "image/")]
    [InlineData("video", "cosmic", """{"prompt":"PROMPT","duration":4}""", SimulatorEndpoints.CosmicVideo, "video/mp4")]
    [InlineData("video-extension", "cosmic", """{"media_id":"veo-doc-example","prompt":"PROMPT"}""", SimulatorEndpoints.CosmicVideoExtend, "video/mp4")]
    [InlineData("audio", "cosmic", """{"prompt":"PROMPT","voice":"sage"}""", SimulatorEndpoints.CosmicAudio, "audio/mpeg")]
    [InlineData("image", "pixazo", """{"prompt":"PROMPT"}""", SimulatorEndpoints.PixazoTextToImage, "image/")]
    [InlineData("video", "pixazo", """{"prompt":"PROMPT","image_url":"IMAGE_URL"}""", SimulatorEndpoints.PixazoImageToVideo, "video/")]
    [InlineData("image", "comet", """{"prompt":"PROMPT","model":"dall-e-3","response_format":"url"}""", SimulatorEndpoints.CometImages, "image/")]
    [InlineData("image", "comet", """{"prompt":"PROMPT","model":"gpt-image-1","response_format":"b64_json"}""", SimulatorEndpoints.CometImages, "image/")]
    public async Task PostJob_EveryKindAndProvider_CompletesWithItsMediaInBlobStorageBoughtOnce(
        string kind, string provider, string parameters, string endpoint, string contentType)
    {
        using var jobs = new AppJobs(app);
        var prompt = AppJobs.UniquePrompt($"{kind} by {provider}");
        var firstFrame = app.Simulator.Url("media/synthetic/first-frame.png?size=4096").AbsoluteUri;
        var parametersJson = parameters.Replace("PROMPT", prompt, StringComparison.Ordinal).Replace("IMAGE_URL", firstFrame, StringComparison.Ordinal);

        var accepted = await jobs.StartAsync($$"""{"kind":"{{kind}}","provider":"{{provider}}","params":{{parametersJson}}}""");
        var job = await jobs.CompletedAsync(accepted.GetProperty("id").GetString()!);

        await jobs.AssertStoredAsync(job, contentType);
        Assert.Equal(1, (await app.Simulator.GetRequestsAsync()).AcceptedOf(endpoint, prompt));
    }

    [Fact]
    public async Task PostJob_FirstProviderOutOfBalance_FailsOverInASubOrchestrationAndCompletes()
    {
        using var jobs = new AppJobs(app);
        var prompt = AppJobs.UniquePrompt("failover lighthouse");
        await app.Simulator.AddFaultAsync("402", SimulatorEndpoints.CosmicImage, count: 1, promptContains: prompt);

        var accepted = await jobs.StartAsync($$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{prompt}}"},"fallbacks":[{"provider":"comet"}]}""");
        var job = await jobs.CompletedAsync(accepted.GetProperty("id").GetString()!);

        var providers = job.GetProperty("providers").EnumerateArray().Select(p => $"{p.GetProperty("provider").GetString()}:{p.GetProperty("outcome").GetString()}");
        Assert.Equal(new[] { "cosmic:skipped", "comet:served" }, providers);
        await jobs.AssertStoredAsync(job, "image/");
        var ledger = await app.Simulator.GetRequestsAsync();
        Assert.Equal(0, ledger.AcceptedOf(SimulatorEndpoints.CosmicImage, prompt));
        Assert.Equal(1, ledger.AcceptedOf(SimulatorEndpoints.CometImages, prompt));
    }
}
