using MediaGen.Simulator.Faults;

namespace MediaGen.Simulator.Tests.Faults;

/// <summary>Faults armed through <c>/_simulator/faults</c>, for calls whose prompt the test does not control.</summary>
public sealed class FaultAdminTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>, IAsyncLifetime
{
    private readonly HttpClient _client = simulator.Client;

    public Task InitializeAsync() => simulator.ResetAsync();

    public Task DisposeAsync() => simulator.ClearFaultsAsync();

    [Fact]
    public async Task Rule_CountTwoOnEndpoint_FailsNextTwoThenPasses()
    {
        var armed = await simulator.AddFaultAsync("429=3", SimulatorEndpoints.CometImages, count: 2);

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _client.PostCometAsync(new { prompt = "Plain prompt" });
            statuses.Add(response.StatusCode);
        }

        Assert.StartsWith("fault-", armed.Id, StringComparison.Ordinal);
        Assert.Equal([HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK], statuses);
        Assert.Empty(await simulator.GetFaultsAsync());
    }

    [Fact]
    public async Task Rule_OtherEndpoint_DoesNotFire()
    {
        await simulator.AddFaultAsync("500", SimulatorEndpoints.CosmicVideo);

        using var response = await _client.PostCosmicAsync("image", new { prompt = "Not a video" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Rule_ProviderAndPromptFilter_FiresOnlyOnMatch()
    {
        await simulator.AddFaultAsync(new FaultRule { Provider = "pixazo", PromptContains = "cursed", Fault = "402", Count = 0 });

        using var plain = await _client.PostPixazoAsync(Api.PixazoTextToImage, new { prompt = "blessed" });
        using var cursed = await _client.PostPixazoAsync(Api.PixazoTextToImage, new { prompt = "cursed castle" });
        using var cursedAgain = await _client.PostPixazoAsync(Api.PixazoTextToImage, new { prompt = "cursed again" });

        Assert.Equal(HttpStatusCode.Accepted, plain.StatusCode);
        Assert.Equal(HttpStatusCode.PaymentRequired, cursed.StatusCode);
        Assert.Equal(HttpStatusCode.PaymentRequired, cursedAgain.StatusCode);
    }

    [Fact]
    public async Task Rule_PixazoOutcomeAndWebhookFaults_ApplyToTheSubmittedRequest()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await simulator.AddFaultAsync("failed=upstream GPU lost,webhook-duplicate", SimulatorEndpoints.PixazoTextToImage);

        var id = await _client.SubmitPixazoAsync("A plain prompt", webhook: receiver.Url);
        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();

        Assert.Equal("FAILED", (string)first["status"]!);
        Assert.Equal("upstream GPU lost", (string)first["error"]!);
        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(id, (string)second["request_id"]!);
    }

    [Fact]
    public async Task Rule_StatusPollOfOneRequestId_FiresOnlyForThatId()
    {
        var target = await _client.SubmitPixazoAsync(Api.Prompt());
        var other = await _client.SubmitPixazoAsync(Api.Prompt());
        await simulator.AddFaultAsync("500", SimulatorEndpoints.PixazoStatus, count: 1, requestId: target);

        using var otherPoll = await _client.GetPixazoStatusAsync(other);
        using var targetPoll = await _client.GetPixazoStatusAsync(target);
        using var targetAgain = await _client.GetPixazoStatusAsync(target);

        Assert.Equal(HttpStatusCode.OK, otherPoll.StatusCode);
        Assert.Equal(HttpStatusCode.InternalServerError, targetPoll.StatusCode);
        Assert.Equal(HttpStatusCode.OK, targetAgain.StatusCode);
    }

    [Fact]
    public async Task Rule_LargeMediaOnCosmicImage_ServesSyntheticFileOfThatSize()
    {
        await simulator.AddFaultAsync("size=3000000", SimulatorEndpoints.CosmicImage);

        using var response = await _client.PostCosmicAsync("image", new { prompt = "Huge" });
        var media = (await response.JsonAsync())["media"]!;
        using var file = await _client.GetAsync(new Uri((string)media["url"]!), HttpCompletionOption.ResponseHeadersRead);

        Assert.Equal(3_000_000, (long)media["size"]!);
        Assert.Equal(3_000_000, file.Content.Headers.ContentLength);
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task DeleteFaults_ArmedRules_AreAllRemoved()
    {
        await simulator.AddFaultAsync("500", count: 0);

        await simulator.ClearFaultsAsync();
        using var response = await _client.PostCometAsync(new { prompt = "Healthy again" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task DeleteFault_ById_RemovesOnlyThatRule()
    {
        var first = await simulator.AddFaultAsync("500", SimulatorEndpoints.CometImages, count: 0);
        var second = await simulator.AddFaultAsync("slow=1", SimulatorEndpoints.CometImages, count: 0);

        using var deleted = await _client.DeleteAsync(new Uri($"/_simulator/faults/{first.Id}", UriKind.Relative));
        using var missing = await _client.DeleteAsync(new Uri($"/_simulator/faults/{first.Id}", UriKind.Relative));
        var left = await simulator.GetFaultsAsync();

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(second.Id, Assert.Single(left).Id);
    }

    [Theory]
    [InlineData("{\"fault\":\"teapot\"}", "Unknown simulator directive")]
    [InlineData("{\"fault\":\"\"}", "fault is required")]
    [InlineData("{\"fault\":\"500\",\"endpoint\":\"cosmic.poem\"}", "Unknown endpoint")]
    [InlineData("{\"fault\":\"500\",\"provider\":\"openai\"}", "Unknown provider")]
    [InlineData("{\"fault\":\"slow\"}", "needs a value")]
    [InlineData("{\"fault\":\"500\",\"count\":-1}", "count must be")]
    public async Task PostFault_InvalidRule_Returns400Problem(string json, string expected)
    {
        using var response = await _client.PostAsync(
            new Uri("/_simulator/faults", UriKind.Relative),
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reset_ClearsCountersAndFaults()
    {
        await simulator.AddFaultAsync("500", count: 0);
        using (await _client.PostCometAsync(new { prompt = "counted" }))
        {
        }

        await simulator.ResetAsync();
        var ledger = await simulator.GetRequestsAsync();
        using var response = await _client.PostCometAsync(new { prompt = "after reset" });

        Assert.Equal(0, ledger.Total);
        Assert.Empty(ledger.Requests);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
