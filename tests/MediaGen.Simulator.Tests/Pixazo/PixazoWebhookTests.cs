namespace MediaGen.Simulator.Tests.Pixazo;

public sealed class PixazoWebhookTests(SimulatorFixture simulator) : IClassFixture<SimulatorFixture>
{
    private readonly HttpClient _client = simulator.Client;

    [Fact]
    public async Task Webhook_Completed_PostsTheStatusDocumentToTheReceiver()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var id = await _client.SubmitPixazoAsync(Api.Prompt(), webhook: receiver.Url);
        var payload = await receiver.NextAsync();

        Assert.Equal(id, (string)payload["request_id"]!);
        Assert.Equal("COMPLETED", (string)payload["status"]!);
        Assert.Equal("cosmos-3-super-text-to-image", (string)payload["model_id"]!);
        var url = (string)payload["output"]!["media_url"]![0]!;
        MediaAssert.IsJpeg(await _client.GetByteArrayAsync(new Uri(url)));
        var (_, polled) = await _client.PollUntilFinalAsync(id);
        Assert.Equal(polled.ToJsonString(), payload.ToJsonString());
    }

    [Fact]
    public async Task Webhook_ImageToVideoFailed_PostsFailedPayload()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var id = await _client.SubmitPixazoAsync(Api.Prompt("Push in [sim:error]"), Api.PixazoImageToVideo, receiver.Url);
        var payload = await receiver.NextAsync();

        Assert.Equal(id, (string)payload["request_id"]!);
        Assert.Equal("ERROR", (string)payload["status"]!);
        Assert.Null(payload["output"]);
        Assert.NotNull(payload["error"]);
    }

    [Fact]
    public async Task Webhook_DuplicateDirective_PostsTheFinalPayloadTwice()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var id = await _client.SubmitPixazoAsync(Api.Prompt("Dup [sim:webhook-duplicate]"), webhook: receiver.Url);
        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();

        Assert.Equal(first.ToJsonString(), second.ToJsonString());
        Assert.Equal(id, (string)second["request_id"]!);
        var ledger = await Eventually.GetAsync(simulator.GetRequestsAsync, l => l.Webhooks.Count(w => w.RequestId == id) >= 2);
        Assert.Single(ledger.Requests, r => r.RequestId == id && r.Accepted);
        Assert.Equal(2, ledger.Webhooks.Count(w => w.RequestId == id));
    }

    [Fact]
    public async Task Webhook_OutOfOrderDirective_PostsStaleProcessingAfterCompleted()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var id = await _client.SubmitPixazoAsync(Api.Prompt("Late [sim:webhook-out-of-order]"), webhook: receiver.Url);
        var first = await receiver.NextAsync();
        var second = await receiver.NextAsync();

        Assert.Equal("COMPLETED", (string)first["status"]!);
        Assert.Equal("PROCESSING", (string)second["status"]!);
        Assert.Equal(id, (string)second["request_id"]!);
        Assert.Null(second["output"]);
    }

    [Fact]
    public async Task Webhook_DelayDirective_IsSentAfterTheDelayOnTheSimulatorsClock()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var id = await _client.SubmitPixazoAsync(Api.Prompt("Slow hook [sim:webhook-delay=300]"), webhook: receiver.Url);
        var payload = await receiver.NextAsync();

        var completedAt = DateTimeOffset.Parse((string)payload["completed_at"]!, System.Globalization.CultureInfo.InvariantCulture);
        var ledger = await Eventually.GetAsync(simulator.GetRequestsAsync, l => l.Webhooks.Any(w => w.RequestId == id));
        var delivery = Assert.Single(ledger.Webhooks, w => w.RequestId == id);
        Assert.True(delivery.SentAt >= completedAt.AddMilliseconds(300), $"sent {delivery.SentAt:O}, completed {completedAt:O}");
    }

    [Fact]
    public async Task Webhook_NoWebhookDirective_PostsNothing()
    {
        await using var receiver = await WebhookReceiver.StartAsync();

        var id = await _client.SubmitPixazoAsync(Api.Prompt("Quiet [sim:no-webhook]"), webhook: receiver.Url);
        await _client.PollUntilFinalAsync(id);
        // A second request with a webhook, submitted after: once its callback arrives, the first one's would have too.
        var control = await _client.SubmitPixazoAsync(Api.Prompt(), webhook: receiver.Url);
        var payload = await receiver.NextAsync();

        Assert.Equal(control, (string)payload["request_id"]!);
        Assert.Empty(receiver.Drain());
        Assert.DoesNotContain((await simulator.GetRequestsAsync()).Webhooks, w => w.RequestId == id);
    }

    [Fact]
    public async Task Webhook_ReceiverFailsTwice_IsRetriedUntilItSucceeds()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);

        var id = await _client.SubmitPixazoAsync(Api.Prompt(), webhook: receiver.Url);
        var payload = await receiver.NextAsync();

        Assert.Equal(id, (string)payload["request_id"]!);
        var ledger = await Eventually.GetAsync(simulator.GetRequestsAsync, l => l.Webhooks.Count(w => w.RequestId == id) >= 3);
        var deliveries = ledger.Webhooks.Where(w => w.RequestId == id).ToList();
        Assert.Equal([1, 2, 3], deliveries.Select(d => d.Attempt));
        Assert.Equal([500, 500, 200], deliveries.Select(d => d.ResponseStatus ?? 0));
    }
}
