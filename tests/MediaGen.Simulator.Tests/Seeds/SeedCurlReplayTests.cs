using MediaGen.Simulator.Tests.Cosmic;

namespace MediaGen.Simulator.Tests.Seeds;

/// <summary>
/// Every cURL example of the provider documents, sent to the simulator with only the scheme and
/// host replaced (and the shell variables the examples expect set): each must succeed and answer
/// the documented response shape. This is what proves the simulator's paths and shapes are the
/// documents', not our reading of them.
/// </summary>
public sealed class SeedCurlReplayTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    public static TheoryData<string, int> Examples
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var command in SeedCurlExamples.All)
            {
                data.Add(command.Seed, command.Index);
            }

            return data;
        }
    }

    [Fact]
    public void Seeds_EveryDocumentedEndpoint_HasACurlExample()
    {
        var paths = SeedCurlExamples.All.Select(c => new Uri(c.Url).AbsolutePath).ToList();

        Assert.Contains(paths, p => p.EndsWith("/ai/text", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith("/ai/image", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith("/ai/video", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith("/ai/video/extend", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith("/ai/audio", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith("-text-to-image-request", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.EndsWith("-image-to-video-request", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("/v2/requests/status/", StringComparison.Ordinal));
        Assert.Contains(paths, p => p == "/v1/images/generations");
        Assert.All(SeedCurlExamples.All.GroupBy(c => c.Seed), seed => Assert.True(seed.Count() >= 1));
        Assert.True(SeedCurlExamples.All.Count >= 30, $"only {SeedCurlExamples.All.Count} cURL examples parsed");
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Replay_SeedCurlExample_SucceedsWithDocumentedShape(string seed, int index)
    {
        var command = SeedCurlExamples.Find(seed, index);
        var documented = new Uri(command.Url);
        using var request = new HttpRequestMessage(new HttpMethod(command.Method), new Uri(simulator.BaseAddress, documented.PathAndQuery));
        if (command.Body is not null)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(command.Body));
        }

        foreach (var (name, value) in command.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(name, value))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        using var response = await simulator.Client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        Assert.True(response.IsSuccessStatusCode, $"{command.Method} {documented.PathAndQuery} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var path = documented.AbsolutePath;
        if (command.Body?.Contains("\"stream\":true", StringComparison.Ordinal) == true)
        {
            var events = await CosmicTextTests.ReadEventsAsync(response);
            Assert.Contains(events, e => e.ContainsKey("text"));
            Assert.True((bool)events[^1]["end"]!);
            return;
        }

        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        switch (path)
        {
            case var p when p.EndsWith("/ai/text", StringComparison.Ordinal):
                Has(body, "text", "usage");
                Has(body["usage"]!.AsObject(), "input_tokens", "output_tokens");
                break;
            case var p when p.EndsWith("/ai/image", StringComparison.Ordinal):
                Has(body, "media", "revised_prompt");
                HasMedia(body);
                break;
            case var p when p.EndsWith("/ai/video/extend", StringComparison.Ordinal):
                Has(body, "media", "usage", "generation_time_seconds", "source_media_id", "is_extension");
                HasMedia(body);
                break;
            case var p when p.EndsWith("/ai/video", StringComparison.Ordinal):
                Has(body, "media", "usage", "generation_time_seconds");
                HasMedia(body);
                break;
            case var p when p.EndsWith("/ai/audio", StringComparison.Ordinal):
                Has(body, "media", "usage");
                HasMedia(body);
                break;
            case var p when p.EndsWith("-request", StringComparison.Ordinal):
                Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
                Has(body, "request_id", "status", "polling_url");
                Assert.Equal("QUEUED", (string)body["status"]!);
                break;
            case var p when p.StartsWith("/v2/requests/status/", StringComparison.Ordinal):
                Has(body, "request_id", "status", "model_id", "error", "output", "created_at", "updated_at", "completed_at");
                Assert.Equal("COMPLETED", (string)body["status"]!);
                Has(body["output"]!.AsObject(), "media_url", "media_type");
                break;
            case "/v1/images/generations":
                Has(body, "created", "data");
                Assert.NotNull(body["data"]![0]!["url"]);
                break;
            default:
                Assert.Fail($"No documented shape known for {path}.");
                break;
        }
    }

    private static void HasMedia(JsonObject body) =>
        Has(body["media"]!.AsObject(), "id", "name", "original_name", "size", "type", "bucket", "created_at", "url", "imgix_url", "alt_text", "metadata", "folder");

    private static void Has(JsonObject body, params string[] fields)
    {
        foreach (var field in fields)
        {
            Assert.True(body.ContainsKey(field), $"'{field}' missing from {body.ToJsonString()}");
        }
    }
}
