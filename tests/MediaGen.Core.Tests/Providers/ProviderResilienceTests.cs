using System.Net.Http.Headers;

namespace MediaGen.Core.Tests.Providers;

public sealed class ProviderResilienceTests
{
    private const string TextOk = """{"text":"ok","usage":{"input_tokens":1,"output_tokens":1}}""";
    private static readonly CosmicTextRequest Text = new(Prompt: "hi");

    [Fact]
    public async Task Send_429WithRetryAfter_WaitsTheAskedDelayThenSucceeds()
    {
        var time = new FastTimeProvider();
        var fake = new FakeHttpHandler()
            .Then(HttpStatusCode.TooManyRequests, """{"message":"slow down"}""", configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)))
            .ThenJson(TextOk);

        var result = await ProviderTestClients.Cosmic(fake, time).GenerateTextAsync(Text);

        Assert.Equal("ok", result.Text);
        Assert.Equal(2, fake.Requests.Count);
        Assert.Contains(TimeSpan.FromSeconds(7), time.Delays);
    }

    [Fact]
    public async Task Send_429WithRetryAfterDate_WaitsUntilThatDate()
    {
        var time = new FastTimeProvider();
        var fake = new FakeHttpHandler()
            .Then(HttpStatusCode.TooManyRequests, "{}", configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(DateTimeOffset.UtcNow.AddSeconds(30)))
            .ThenJson(TextOk);

        await ProviderTestClients.Cosmic(fake, time).GenerateTextAsync(Text);

        Assert.Contains(time.Delays, d => d > TimeSpan.FromSeconds(20) && d <= TimeSpan.FromSeconds(30));
    }

    [Theory]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Send_5xxThenSuccess_RetriesAndSucceeds(HttpStatusCode status)
    {
        var fake = new FakeHttpHandler().Then(status, "{}").Then(status, "{}").ThenJson(TextOk);

        var result = await ProviderTestClients.Cosmic(fake).GenerateTextAsync(Text);

        Assert.Equal("ok", result.Text);
        Assert.Equal(3, fake.Requests.Count);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, ProviderErrorType.InvalidRequest)]
    [InlineData(HttpStatusCode.Unauthorized, ProviderErrorType.Unauthorized)]
    [InlineData(HttpStatusCode.PaymentRequired, ProviderErrorType.InsufficientBalance)]
    [InlineData(HttpStatusCode.Forbidden, ProviderErrorType.Forbidden)]
    [InlineData(HttpStatusCode.NotFound, ProviderErrorType.InvalidRequest)]
    public async Task Send_4xx_IsNotRetried(HttpStatusCode status, ProviderErrorType expected)
    {
        var fake = new FakeHttpHandler().Always(status, """{"message":"no"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Cosmic(fake).GenerateTextAsync(Text));

        Assert.Single(fake.Requests);
        Assert.Equal(expected, error.ErrorType);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task Send_5xxEveryTime_GivesUpAfterMaxRetriesWithRetryableFailure()
    {
        var fake = new FakeHttpHandler().Always(HttpStatusCode.InternalServerError, """{"message":"boom"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Cosmic(fake, maxRetries: 2).GenerateTextAsync(Text));

        Assert.Equal(3, fake.Requests.Count);
        Assert.Equal(ProviderErrorType.ProviderUnavailable, error.ErrorType);
        Assert.Equal(HttpStatusCode.InternalServerError, error.Status);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task Send_RetryAfterLongerThanConfigured_SurfacesRateLimitWithDelay()
    {
        var fake = new FakeHttpHandler().Always(HttpStatusCode.TooManyRequests, """{"error":"Too Many Requests","message":"quota"}""");
        var options = new CosmicClientOptions { BucketSlug = "b", WriteKey = "k", Timeout = TimeSpan.FromHours(1) };
        var time = new FastTimeProvider();
        var http = ProviderTestClients.Http(fake, time, maxRetries: 3, maxRetryAfter: TimeSpan.FromSeconds(60));
        fake.Then(HttpStatusCode.TooManyRequests, "{}", configure: r => r.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(120)));

        var error = await Assert.ThrowsAsync<ProviderException>(() => new CosmicClient(http, options, time).GenerateTextAsync(Text));

        Assert.Single(fake.Requests);
        Assert.Equal(ProviderErrorType.RateLimited, error.ErrorType);
        Assert.Equal(TimeSpan.FromSeconds(120), error.RetryAfter);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task Send_AttemptTimesOut_RetriesThenSucceeds()
    {
        var fake = new FakeHttpHandler()
            .Then(async (_, ct) =>
            {
                await Task.Delay(Timeout.Infinite, ct);
                throw new InvalidOperationException("unreachable");
            })
            .ThenJson(TextOk);
        var options = new CosmicClientOptions { BucketSlug = "b", WriteKey = "k", Timeout = TimeSpan.FromMilliseconds(200) };
        var http = ProviderTestClients.Http(fake, TimeProvider.System, maxRetries: 1);
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));

        var result = await new CosmicClient(http, options).GenerateTextAsync(Text, guard.Token);

        Assert.Equal("ok", result.Text);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Send_EveryAttemptTimesOut_ThrowsRetryableTimeout()
    {
        var fake = new FakeHttpHandler().Then(Hang).Then(Hang);
        var options = new CosmicClientOptions { BucketSlug = "b", WriteKey = "k", Timeout = TimeSpan.FromMilliseconds(100) };
        var http = ProviderTestClients.Http(fake, TimeProvider.System, maxRetries: 1);

        var error = await Assert.ThrowsAsync<ProviderException>(() => new CosmicClient(http, options).GenerateTextAsync(Text));

        Assert.Equal(ProviderErrorType.Timeout, error.ErrorType);
        Assert.True(error.IsRetryable);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Send_CallerCancels_ThrowsOperationCanceledNotProviderFailure()
    {
        var fake = new FakeHttpHandler().Then(Hang);
        using var cancel = new CancellationTokenSource();
        var call = ProviderTestClients.Cosmic(fake).GenerateTextAsync(Text, cancel.Token);
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task GenerateVideo_500_IsNotRetriedBecauseASecondVideoWouldBeBoughtSilently()
    {
        var fake = new FakeHttpHandler().Always(HttpStatusCode.InternalServerError, """{"message":"boom"}""");

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Cosmic(fake).GenerateVideoAsync(new CosmicVideoRequest("kitten")));

        Assert.Single(fake.Requests);
        Assert.True(error.IsRetryable);
    }

    [Fact]
    public async Task SubmitTextToImage_503ThenQueued_IsRetriedBecauseNothingWasQueued()
    {
        var fake = new FakeHttpHandler()
            .Then(HttpStatusCode.ServiceUnavailable, "{}")
            .Then(HttpStatusCode.Accepted, """{"request_id":"r1","status":"QUEUED"}""");

        var status = await ProviderTestClients.Pixazo(fake).SubmitTextToImageAsync(new PixazoTextToImageRequest("p"));

        Assert.Equal(PixazoStatus.Queued, status.Status);
        Assert.Equal(2, fake.Requests.Count);
    }

    [Fact]
    public async Task Send_ConnectionRefused_IsRetriedThenReportedAsUnavailable()
    {
        var fake = new FakeHttpHandler().Then(Refuse).Then(Refuse);

        var error = await Assert.ThrowsAsync<ProviderException>(() => ProviderTestClients.Cosmic(fake, maxRetries: 1).GenerateVideoAsync(new CosmicVideoRequest("kitten")));

        Assert.Equal(2, fake.Requests.Count);
        Assert.Equal(ProviderErrorType.ProviderUnavailable, error.ErrorType);
    }

    private static async Task<HttpResponseMessage> Hang(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(Timeout.Infinite, cancellationToken);
        throw new InvalidOperationException("unreachable");
    }

    private static Task<HttpResponseMessage> Refuse(HttpRequestMessage request, CancellationToken cancellationToken) =>
        Task.FromException<HttpResponseMessage>(new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused"));
}
