using Azure.Storage.Queues;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Functions.Workflows;
using MediaGen.Workflows.Payloads;

namespace MediaGen.Functions.Tests.Workflows;

/// <summary>
/// Each activity function invoked with its typed input, converted from the orchestration's JSON by the worker's
/// <c>DataConverter</c> (as the Durable extension's activity input converter does), with a scope of the app's services,
/// against the provider simulator and Azurite.
/// </summary>
public sealed class ActivityFunctionsTests(ActivityFixture fixture) : IClassFixture<ActivityFixture>
{
    [Fact]
    public async Task Generate_CosmicImage_ReturnsTheMediaToCopy()
    {
        var input = Convert(new GenerateInput(Request(JobKind.Image, ProviderName.Cosmic, """{"prompt":"a red kite"}""")));

        var output = await Invoke((ctx, id) => ActivityFunctions.Generate(input, id, ctx));

        Assert.Null(output.Failure);
        var media = Assert.Single(output.Media);
        Assert.StartsWith("http://127.0.0.1:", media.Source, StringComparison.Ordinal);
        Assert.Equal(0, media.ItemIndex);
    }

    [Fact]
    public async Task PixazoSubmit_SameInstanceAndSubmissionTwice_SubmitsOnce()
    {
        var input = Convert(new PixazoSubmitInput(Request(JobKind.Image, ProviderName.Pixazo, """{"prompt":"a heron"}"""), 1));
        var instanceId = "job-" + Guid.NewGuid().ToString("N");

        var first = await Invoke((ctx, _) => ActivityFunctions.PixazoSubmit(input, instanceId, ctx));
        var again = await Invoke((ctx, _) => ActivityFunctions.PixazoSubmit(input, instanceId, ctx));

        Assert.Null(first.Failure);
        Assert.False(string.IsNullOrEmpty(first.Report?.RequestId));
        Assert.True(again.Replayed);
        Assert.Equal(first.Report!.RequestId, again.Report?.RequestId);
    }

    [Fact]
    public async Task PixazoPoll_SubmittedRequest_ReportsItsStatus()
    {
        var submitted = await Invoke((ctx, id) => ActivityFunctions.PixazoSubmit(
            Convert(new PixazoSubmitInput(Request(JobKind.Image, ProviderName.Pixazo, """{"prompt":"a heron"}"""), 1)), id, ctx));
        var requestId = Convert(submitted.Report!.RequestId);

        var polled = await Invoke((ctx, id) => ActivityFunctions.PixazoPoll(new PixazoPollInput(requestId), id, ctx));

        Assert.Null(polled.Failure);
        Assert.Equal(submitted.Report.RequestId, polled.Report?.RequestId);
    }

    [Fact]
    public async Task CopyMedia_DataUri_StoresTheBlob()
    {
        var input = Convert(new CopyInput(new MediaToCopy(0, "data:text/plain;base64,aGVsbG8=", "text/plain", null), new JobOutput(null, "functions-tests", null), "cosmic"));

        var output = await Invoke((ctx, id) => ActivityFunctions.CopyMedia(input, id, ctx));

        Assert.Null(output.Failure);
        Assert.Equal(5, output.Item?.Size);
        Assert.Contains("/functions-tests/", output.Item!.BlobUri.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishResult_Notification_IsOnTheResultsQueue()
    {
        var id = "job-" + Guid.NewGuid().ToString("N");
        var input = Convert(new PublishInput(Notification(id)));

        var output = await Invoke((ctx, _) => ActivityFunctions.PublishResult(input, id, ctx));

        Assert.Null(output.Failure);
        var queue = new QueueClient(fixture.StorageConnectionString, "mediagen-results");
        var messages = (await queue.ReceiveMessagesAsync(32)).Value;
        Assert.Contains(messages, m => m.Body.ToString().Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendCallback_Notification_IsPostedWithItsDeliveryId()
    {
        var id = "job-" + Guid.NewGuid().ToString("N");
        var delivery = "delivery-" + id;
        var input = Convert(new CallbackInput(new Uri(fixture.ReceiverAddress, "callbacks").ToString(), delivery, Notification(id)));

        var output = await Invoke((ctx, _) => ActivityFunctions.SendCallback(input, id, ctx));

        Assert.Null(output.Failure);
        Assert.Contains(fixture.Callbacks, c => c.Delivery == delivery && c.Body.Contains(id, StringComparison.Ordinal));
    }

    private async Task<T> Invoke<T>(Func<TestFunctionContext, string, Task<T>> function)
    {
        using var scope = fixture.Services.CreateScope();
        return await function(new TestFunctionContext(scope.ServiceProvider), "job-" + Guid.NewGuid().ToString("N"));
    }

    /// <summary>The value as the activity function receives it: written by the orchestration, read by the worker's converter.</summary>
    private T Convert<T>(T value) => (T)fixture.ConvertActivityInput(JsonSerializer.Serialize(value, WorkflowJson.Options), typeof(T))!;

    private static JobRequest Request(JobKind kind, ProviderName provider, string parameters) =>
        new(kind, provider, JsonDocument.Parse(parameters).RootElement.Clone());

    private static JobNotification Notification(string id) =>
        new(id, "job", JobStatus.Completed, JobKind.Image, ProviderName.Cosmic, null, null, DateTimeOffset.UnixEpoch);
}
