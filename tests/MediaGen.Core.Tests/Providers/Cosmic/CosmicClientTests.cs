namespace MediaGen.Core.Tests.Providers.Cosmic;

public sealed class CosmicClientTests
{
    private const string MediaJson = """
        {"id":"65f8a3b2c4d5e6f7g8h9i0j1","name":"veo-a1.mp4","original_name":"veo-a1.mp4","size":8450000,"type":"video/mp4",
         "bucket":"65a1b2c3d4e5f6g7h8i9j0k1","created_at":"2025-12-20T10:30:00.000Z","folder":"ai-videos",
         "url":"https://cdn.cosmicjs.com/veo-xxx.mp4","imgix_url":"https://imgix.cosmicjs.com/veo-xxx.mp4",
         "alt_text":"A calico kitten","metadata":{"duration":8,"resolution":"720p","generation_time_seconds":45}}
        """;

    [Fact]
    public async Task GenerateText_Prompt_PostsDocumentedRequestAndReadsUsage()
    {
        var fake = new FakeHttpHandler().ThenJson("""{"text":"Introducing our mug","usage":{"input_tokens":10,"output_tokens":89}}""");

        var result = await ProviderTestClients.Cosmic(fake).GenerateTextAsync(new CosmicTextRequest(Prompt: "Write a product description for a coffee mug", MaxTokens: 500));

        var sent = Assert.Single(fake.Requests);
        Assert.Equal(HttpMethod.Post, sent.Method);
        Assert.Equal("https://workers.cosmicjs.com/v3/buckets/my-bucket/ai/text", sent.Uri.AbsoluteUri);
        Assert.Equal("Bearer " + ProviderTestClients.CosmicKey, sent.Headers["Authorization"]);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal("""{"prompt":"Write a product description for a coffee mug","max_tokens":500}""", sent.Body);
        Assert.Equal("Introducing our mug", result.Text);
        Assert.Equal(new CosmicUsage(10, 89), result.Usage);
    }

    [Fact]
    public async Task GenerateText_MessagesAndMediaUrl_SendsChatShape()
    {
        var fake = new FakeHttpHandler().ThenJson("""{"text":"March","usage":{"input_tokens":25,"output_tokens":95}}""");
        var request = new CosmicTextRequest(
            Messages: [new("user", "What trends?"), new("assistant", "Several patterns..."), new("user", "Best month?")],
            Model: "gpt-5.2-codex",
            MediaUrl: "https://cdn.cosmicjs.com/sales-data.xlsx");

        await ProviderTestClients.Cosmic(fake).GenerateTextAsync(request);

        using var body = JsonDocument.Parse(fake.Requests[0].Body!);
        Assert.Equal("assistant", body.RootElement.GetProperty("messages")[1].GetProperty("role").GetString());
        Assert.Equal("gpt-5.2-codex", body.RootElement.GetProperty("model").GetString());
        Assert.Equal("https://cdn.cosmicjs.com/sales-data.xlsx", body.RootElement.GetProperty("media_url").GetString());
        Assert.False(body.RootElement.TryGetProperty("prompt", out _));
    }

    [Fact]
    public async Task GenerateImage_AllOptions_SendsSnakeCaseAndReadsMediaAndRevisedPrompt()
    {
        var fake = new FakeHttpHandler().ThenJson($$$"""{"media":{{{MediaJson}}},"revised_prompt":"A serene mountain landscape with golden light"}""");
        var metadata = new Dictionary<string, JsonElement> { ["caption"] = JsonSerializer.SerializeToElement("vista") };
        var request = new CosmicImageRequest("mountains", "gemini-3-pro-image-preview", "2048x2048", null, "16:9",
            ["https://cdn.cosmicjs.com/style.jpg"], "ai-generated", "alt", metadata);

        var result = await ProviderTestClients.Cosmic(fake).GenerateImageAsync(request);

        Assert.Equal("https://workers.cosmicjs.com/v3/buckets/my-bucket/ai/image", fake.Requests[0].Uri.AbsoluteUri);
        Assert.Equal(
            """{"prompt":"mountains","model":"gemini-3-pro-image-preview","size":"2048x2048","aspect_ratio":"16:9","reference_images":["https://cdn.cosmicjs.com/style.jpg"],"folder":"ai-generated","alt_text":"alt","metadata":{"caption":"vista"}}""",
            fake.Requests[0].Body);
        Assert.Equal("65f8a3b2c4d5e6f7g8h9i0j1", result.Media.Id);
        Assert.Equal("https://imgix.cosmicjs.com/veo-xxx.mp4", result.Media.ImgixUrl);
        Assert.Equal(8_450_000, result.Media.Size);
        Assert.Equal(new DateTimeOffset(2025, 12, 20, 10, 30, 0, TimeSpan.Zero), result.Media.CreatedAt);
        Assert.Equal(8, result.Media.Metadata!["duration"].GetInt32());
        Assert.Equal("A serene mountain landscape with golden light", result.RevisedPrompt);
    }

    [Fact]
    public async Task GenerateVideo_SeedResponse_ReadsMediaUsageAndTime()
    {
        var fake = new FakeHttpHandler().ThenJson($$$"""{"media":{{{MediaJson}}},"usage":{"input_tokens":288000,"output_tokens":0,"total_tokens":288000},"generation_time_seconds":45}""");

        var result = await ProviderTestClients.Cosmic(fake).GenerateVideoAsync(new CosmicVideoRequest("kitten", Duration: 8, Resolution: "720p", Folder: "ai-videos"));

        Assert.Equal("https://workers.cosmicjs.com/v3/buckets/my-bucket/ai/video", fake.Requests[0].Uri.AbsoluteUri);
        Assert.Equal("""{"prompt":"kitten","duration":8,"resolution":"720p","folder":"ai-videos"}""", fake.Requests[0].Body);
        Assert.Equal("video/mp4", result.Media.Type);
        Assert.Equal(288_000, result.Usage!.TotalTokens);
        Assert.Equal(45, result.GenerationTimeSeconds);
    }

    [Fact]
    public async Task ExtendVideo_SeedResponse_ReadsSourceAndExtensionFlag()
    {
        var fake = new FakeHttpHandler().ThenJson($$$"""{"media":{{{MediaJson}}},"usage":{"input_tokens":288000,"output_tokens":0,"total_tokens":288000},"generation_time_seconds":52,"source_media_id":"65f8a3b2c4d5e6f7g8h9i0j1","is_extension":true}""");

        var result = await ProviderTestClients.Cosmic(fake).ExtendVideoAsync(new CosmicVideoExtensionRequest("65f8a3b2c4d5e6f7g8h9i0j1", "walks away", "veo-3.1-generate-preview"));

        Assert.Equal("https://workers.cosmicjs.com/v3/buckets/my-bucket/ai/video/extend", fake.Requests[0].Uri.AbsoluteUri);
        Assert.Equal("""{"media_id":"65f8a3b2c4d5e6f7g8h9i0j1","prompt":"walks away","model":"veo-3.1-generate-preview"}""", fake.Requests[0].Body);
        Assert.Equal("65f8a3b2c4d5e6f7g8h9i0j1", result.SourceMediaId);
        Assert.True(result.IsExtension);
    }

    [Fact]
    public async Task GenerateAudio_SeedResponse_ReadsMediaAndUsage()
    {
        var fake = new FakeHttpHandler().ThenJson($$$"""{"media":{{{MediaJson}}},"usage":{"input_tokens":21,"output_tokens":3600,"total_tokens":3621}}""");

        var result = await ProviderTestClients.Cosmic(fake).GenerateAudioAsync(new CosmicAudioRequest("Welcome to our podcast.", "sage", "tts-1-hd", "podcasts"));

        Assert.Equal("https://workers.cosmicjs.com/v3/buckets/my-bucket/ai/audio", fake.Requests[0].Uri.AbsoluteUri);
        Assert.Equal("""{"prompt":"Welcome to our podcast.","voice":"sage","model":"tts-1-hd","folder":"podcasts"}""", fake.Requests[0].Body);
        Assert.Equal(3621, result.Usage!.TotalTokens);
    }

    [Fact]
    public async Task GenerateText_BaseUrlWithPath_AppendsDocumentedPath()
    {
        var fake = new FakeHttpHandler().ThenJson("""{"text":"x"}""");

        await ProviderTestClients.Cosmic(fake, configure: o => o.BaseUrl = new Uri("http://127.0.0.1:5000/cosmic")).GenerateTextAsync(new CosmicTextRequest("p"));

        Assert.Equal("http://127.0.0.1:5000/cosmic/v3/buckets/my-bucket/ai/text", fake.Requests[0].Uri.AbsoluteUri);
    }

    [Fact]
    public async Task GenerateImage_InvalidRequest_ThrowsEveryViolationAndSendsNothing()
    {
        var fake = new FakeHttpHandler();

        var error = await Assert.ThrowsAsync<RequestValidationException>(() =>
            ProviderTestClients.Cosmic(fake).GenerateImageAsync(new CosmicImageRequest("", Model: "dall-e-3", Size: "4096x4096", AspectRatio: "1:1")));

        Assert.Equal(["prompt", "size", "aspect_ratio"], error.Errors.Select(e => e.Field));
        Assert.Empty(fake.Requests);
    }

    [Theory]
    [InlineData("", "k", "Cosmic__BucketSlug")]
    [InlineData("my-bucket", "", "Cosmic__WriteKey")]
    public async Task GenerateText_MissingSetting_FailsClearlyWithoutSending(string slug, string key, string setting)
    {
        var fake = new FakeHttpHandler();

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            ProviderTestClients.Cosmic(fake, configure: o => (o.BucketSlug, o.WriteKey) = (slug, key)).GenerateTextAsync(new CosmicTextRequest("p")));

        Assert.Equal(ProviderErrorType.NotConfigured, error.ErrorType);
        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest)]
    [InlineData(HttpStatusCode.InternalServerError)]
    public async Task GenerateVideo_NoVideosGenerated_IsContentPolicyAndNotRetryable(HttpStatusCode status)
    {
        var fake = new FakeHttpHandler().Always(status, """{"status":400,"message":"No videos generated"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Cosmic(fake).GenerateVideoAsync(new CosmicVideoRequest("a famous actor")));

        Assert.Equal(ProviderErrorType.ContentPolicy, error.ErrorType);
        Assert.Equal("No videos generated", error.ProviderMessage);
        Assert.False(error.IsRetryable);
        Assert.Single(fake.Requests);
    }

    [Fact]
    public async Task GenerateText_Unauthorized_MessageNamesStatusButNeverTheKey()
    {
        var fake = new FakeHttpHandler().Always(HttpStatusCode.Unauthorized, """{"message":"Invalid write key"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Cosmic(fake).GenerateTextAsync(new CosmicTextRequest("p")));

        Assert.Equal(ProviderErrorType.Unauthorized, error.ErrorType);
        Assert.Equal(ProviderName.Cosmic, error.Provider);
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
        Assert.Contains("Invalid write key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(ProviderTestClients.CosmicKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateText_HtmlErrorPage_ReportsStatusWithoutDumpingThePage()
    {
        var fake = new FakeHttpHandler().Always(HttpStatusCode.BadGateway, "<html><body>502 Bad Gateway</body></html>", "text/html");

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Cosmic(fake, maxRetries: 0).GenerateTextAsync(new CosmicTextRequest("p")));

        Assert.Equal(ProviderErrorType.ProviderUnavailable, error.ErrorType);
        Assert.Contains("non-JSON error body (text/html", error.ProviderMessage, StringComparison.Ordinal);
        Assert.DoesNotContain("<html>", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, string> MalformedBodies => new()
    {
        { "html page with 200", "<html>maintenance</html>", "text/html" },
        { "missing text", """{"usage":{"input_tokens":1,"output_tokens":1}}""", "application/json" },
        { "text of wrong type", """{"text":5}""", "application/json" },
        { "text null", """{"text":null}""", "application/json" },
        { "usage missing output_tokens", """{"text":"x","usage":{"input_tokens":1}}""", "application/json" },
        { "truncated", """{"text":"x""", "application/json" },
        { "JSON null", "null", "application/json" },
        { "array", "[]", "application/json" },
    };

    [Theory]
    [MemberData(nameof(MalformedBodies))]
    public async Task GenerateText_MalformedBody_IsMalformedResponseNotACrash(string name, string body, string contentType)
    {
        Assert.NotNull(name);
        var fake = new FakeHttpHandler().Then(HttpStatusCode.OK, body, contentType);

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Cosmic(fake).GenerateTextAsync(new CosmicTextRequest("p")));

        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
        Assert.False(error.IsRetryable);
    }

    [Theory]
    [InlineData("""{"media":{"url":"https://cdn/x.png"}}""")]
    [InlineData("""{"media":null}""")]
    [InlineData("""{"revised_prompt":"x"}""")]
    [InlineData("""{"media":{"id":"1","url":"u","created_at":"yesterday"}}""")]
    public async Task GenerateImage_MediaMissingOrMistyped_IsMalformedResponse(string body)
    {
        var fake = new FakeHttpHandler().ThenJson(body);

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Cosmic(fake).GenerateImageAsync(new CosmicImageRequest("p")));

        Assert.Equal(ProviderErrorType.MalformedResponse, error.ErrorType);
    }
}
