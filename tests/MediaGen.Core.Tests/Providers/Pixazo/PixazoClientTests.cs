namespace MediaGen.Core.Tests.Providers.Pixazo;

public sealed class PixazoClientTests
{
    private const string Queued = """
        {"request_id":"cosmos-3-super-text-to-image_019d0000-0000-0000-0000-000000000001","status":"QUEUED",
         "polling_url":"https://gateway.pixazo.ai/v2/requests/status/cosmos-3-super-text-to-image_019d0000-0000-0000-0000-000000000001"}
        """;

    [Fact]
    public async Task SubmitTextToImage_EveryParameter_PostsDocumentedRequestAndHeaders()
    {
        var fake = new FakeHttpHandler().Then(HttpStatusCode.Accepted, Queued);
        var request = new PixazoTextToImageRequest(
            "A futuristic mountain observatory", "", true, true, 3, 1, false, PixazoImageSize.FromPreset("square_hd"),
            28, 4, 2, "png", true, 42, false, "https://mediagen.example/api/webhooks/pixazo/job-1?secret=s");

        var status = await ProviderTestClients.Pixazo(fake).SubmitTextToImageAsync(request);

        var sent = Assert.Single(fake.Requests);
        Assert.Equal("https://gateway.pixazo.ai/cosmos-3-super-text-to-image/v1/cosmos-3-super-text-to-image-request", sent.Uri.AbsoluteUri);
        Assert.Equal(ProviderTestClients.PixazoKey, sent.Headers["Ocp-Apim-Subscription-Key"]);
        Assert.Equal("no-cache", sent.Headers["Cache-Control"]);
        Assert.Equal("https://mediagen.example/api/webhooks/pixazo/job-1?secret=s", sent.Headers["X-Webhook-URL"]);
        Assert.Equal("application/json", sent.ContentType);
        Assert.Equal(
            """{"prompt":"A futuristic mountain observatory","negative_prompt":"","enable_prompt_expansion":true,"enable_agentic_generation":true,"agentic_max_iterations":3,"agentic_samples_per_iteration":1,"agentic_early_stop":false,"image_size":"square_hd","num_inference_steps":28,"guidance_scale":4,"num_images":2,"output_format":"png","enable_safety_checker":true,"seed":42,"sync_mode":false}""",
            sent.Body);
        Assert.Equal(PixazoStatus.Queued, status.Status);
        Assert.Equal("cosmos-3-super-text-to-image_019d0000-0000-0000-0000-000000000001", status.RequestId);
        Assert.False(status.IsTerminal);
    }

    [Fact]
    public async Task SubmitImageToVideo_CustomSizeNoWebhook_PostsObjectSizeAndNoWebhookHeader()
    {
        var fake = new FakeHttpHandler().Then(HttpStatusCode.Accepted, """{"request_id":"cosmos-3-super-image-to-video_1","status":"QUEUED"}""");
        var request = new PixazoImageToVideoRequest("Slow push-in", "https://pub.r2.dev/Image.jpeg",
            ImageSize: PixazoImageSize.Custom(832, 480), NumFrames: 189, FramesPerSecond: 24, GuidanceScale: 6.5);

        await ProviderTestClients.Pixazo(fake).SubmitImageToVideoAsync(request);

        var sent = fake.Requests[0];
        Assert.Equal("https://gateway.pixazo.ai/cosmos-3-super-image-to-video/v1/cosmos-3-super-image-to-video-request", sent.Uri.AbsoluteUri);
        Assert.False(sent.Headers.ContainsKey("X-Webhook-URL"));
        Assert.Equal(
            """{"prompt":"Slow push-in","image_url":"https://pub.r2.dev/Image.jpeg","image_size":{"width":832,"height":480},"num_frames":189,"frames_per_second":24,"guidance_scale":6.5}""",
            sent.Body);
    }

    [Fact]
    public async Task GetStatus_Completed_ReadsOutputAndTimestampsFromTheConfiguredGateway()
    {
        var fake = new FakeHttpHandler().ThenJson("""
            {"request_id":"cosmos-3-super-image-to-video_019d","status":"COMPLETED","model_id":"cosmos-3-super-image-to-video","error":null,
             "output":{"media_url":["https://pub.r2.dev/v1/x/output.mp4"],"media_type":"video/mp4"},
             "created_at":"2026-03-31T10:00:00.000Z","updated_at":"2026-03-31T10:00:15.000Z","completed_at":"2026-03-31T10:00:15.000Z"}
            """);

        var status = await ProviderTestClients.Pixazo(fake, configure: o => o.BaseUrl = new Uri("http://127.0.0.1:7000")).GetStatusAsync("cosmos-3-super-image-to-video_019d");

        Assert.Equal(HttpMethod.Get, fake.Requests[0].Method);
        Assert.Equal("http://127.0.0.1:7000/v2/requests/status/cosmos-3-super-image-to-video_019d", fake.Requests[0].Uri.AbsoluteUri);
        Assert.Equal(ProviderTestClients.PixazoKey, fake.Requests[0].Headers["Ocp-Apim-Subscription-Key"]);
        Assert.Equal(PixazoStatus.Completed, status.Status);
        Assert.Equal(["https://pub.r2.dev/v1/x/output.mp4"], status.Output!.MediaUrl);
        Assert.Equal("video/mp4", status.Output.MediaType);
        Assert.Equal(new DateTimeOffset(2026, 3, 31, 10, 0, 15, TimeSpan.Zero), status.CompletedAt);
        Assert.True(status.IsTerminal);
        Assert.Null(status.ToProviderException());
    }

    [Fact]
    public async Task GetStatus_IdWithReservedCharacters_IsEscapedIntoOnePathSegment()
    {
        var fake = new FakeHttpHandler().ThenJson("""{"request_id":"a/b?c","status":"PROCESSING"}""");

        await ProviderTestClients.Pixazo(fake).GetStatusAsync("a/b?c");

        Assert.Equal("/v2/requests/status/a%2Fb%3Fc", fake.Requests[0].Uri.AbsolutePath);
    }

    [Fact]
    public async Task SubmitTextToImage_InsufficientBalance_CarriesProviderCodeAndMessage()
    {
        var fake = new FakeHttpHandler().Always(HttpStatusCode.PaymentRequired, """{"error":"Insufficient Balance","message":"Your wallet does not have enough balance."}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Pixazo(fake).SubmitTextToImageAsync(new PixazoTextToImageRequest("p")));

        Assert.Equal(ProviderErrorType.InsufficientBalance, error.ErrorType);
        Assert.Equal(HttpStatusCode.PaymentRequired, error.Status);
        Assert.Equal("Insufficient Balance", error.ProviderErrorCode);
        Assert.Equal("Your wallet does not have enough balance.", error.ProviderMessage);
        Assert.False(error.IsRetryable);
        Assert.Single(fake.Requests);
        Assert.DoesNotContain(ProviderTestClients.PixazoKey, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SubmitTextToImage_ModelNotFound_IsInvalidRequest()
    {
        var fake = new FakeHttpHandler().Always(HttpStatusCode.BadRequest, """{"error":"Model not found","message":"Model 'cosmos-3-super-text-to-image' not found or is disabled"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Pixazo(fake).SubmitTextToImageAsync(new PixazoTextToImageRequest("p")));

        Assert.Equal(ProviderErrorType.InvalidRequest, error.ErrorType);
        Assert.Equal("Model not found", error.ProviderErrorCode);
    }

    [Fact]
    public async Task SubmitTextToImage_500_IsNotRetriedSoNothingIsBoughtTwice()
    {
        var fake = new FakeHttpHandler().Always(HttpStatusCode.InternalServerError, """{"error":"Internal Server Error"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Pixazo(fake).SubmitTextToImageAsync(new PixazoTextToImageRequest("p")));

        Assert.Single(fake.Requests);
        Assert.Equal(ProviderErrorType.ProviderUnavailable, error.ErrorType);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task GetStatus_500_IsRetriedBecausePollingIsSafe()
    {
        var fake = new FakeHttpHandler().Then(HttpStatusCode.InternalServerError, "{}").ThenJson("""{"request_id":"r","status":"PROCESSING"}""");

        var status = await ProviderTestClients.Pixazo(fake).GetStatusAsync("r");

        Assert.Equal(PixazoStatus.Processing, status.Status);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task SubmitTextToImage_NoKey_FailsClearlyWithoutSending()
    {
        var fake = new FakeHttpHandler();

        var error = await Assert.ThrowsAsync<ProviderException>(() =>
            ProviderTestClients.Pixazo(fake, configure: o => o.SubscriptionKey = "").SubmitTextToImageAsync(new PixazoTextToImageRequest("p")));

        Assert.Equal(ProviderErrorType.NotConfigured, error.ErrorType);
        Assert.Contains("Pixazo__SubscriptionKey", error.Message, StringComparison.Ordinal);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task SubmitImageToVideo_InvalidRequest_SendsNothing()
    {
        var fake = new FakeHttpHandler();

        var error = await Assert.ThrowsAsync<MediaGen.Core.Providers.Validation.RequestValidationException>(() =>
            ProviderTestClients.Pixazo(fake).SubmitImageToVideoAsync(new PixazoImageToVideoRequest("p", "https://x/i.jpg", NumFrames: 200, FramesPerSecond: 2)));

        Assert.Equal(["num_frames", "frames_per_second"], error.Errors.Select(e => e.Field));
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public void ImageSize_RoundTripsAsStringOrObject()
    {
        var preset = JsonSerializer.Serialize(new PixazoTextToImageRequest("p", ImageSize: PixazoImageSize.FromPreset("landscape_4_3")), PixazoJsonContext.Default.PixazoTextToImageRequest);
        var custom = JsonSerializer.Deserialize("""{"prompt":"p","image_size":{"width":640,"height":360}}""", PixazoJsonContext.Default.PixazoTextToImageRequest);

        Assert.Contains("\"image_size\":\"landscape_4_3\"", preset, StringComparison.Ordinal);
        Assert.Equal(PixazoImageSize.Custom(640, 360), custom!.ImageSize);
    }
}
