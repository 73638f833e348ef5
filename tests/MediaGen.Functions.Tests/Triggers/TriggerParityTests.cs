using System.Text;
using System.Text.Json;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using MediaGen.Api.Triggers;
using MediaGen.Functions.Tests.Support;
using MediaGen.Functions.Triggers;
using MediaGen.Simulator;
using MediaGen.Testing;
using Microsoft.DurableTask.Client;

namespace MediaGen.Functions.Tests.Triggers;

/// <summary>
/// The queue and blob functions, invoked with the documented payloads, start the same jobs the standalone host's
/// listeners start from the same message or blob: the same instance id, orchestrator and input (once the times each
/// side stamped and the SAS window of an inbox image are normalised), or the same poison envelope for an invalid message.
/// The listeners run in the standalone host; the functions are given the message or blob the listener received.
/// </summary>
[Collection(ParityCollection.Name)]
public sealed class TriggerParityTests(ParityFixture fixture)
{
    // A 1×1 PNG.
    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task RequestQueue_JobMessage_StartsTheJobTheListenerStarts(bool base64)
    {
        var json = $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"a queued fox {{{Guid.NewGuid():N}}}"}}""";
        var text = base64 ? Convert.ToBase64String(Encoding.UTF8.GetBytes(json)) : json;
        var sent = await SendToStandaloneQueueAsync(text);
        var standalone = await StartedAsync(fixture.Standalone.Client, sent.MessageId);

        await fixture.Functions.InvokeAsync<RequestQueueFunction>("RequestQueue", f => f.Run(Delivered(sent, text), fixture.Functions.Client, CancellationToken.None));

        AssertSameJob(sent.MessageId, standalone, await fixture.Functions.Client.GetInstanceAsync(sent.MessageId, getInputsAndOutputs: true));
    }

    [Theory]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{"prompt":""},"colour":"red"}""", "colour,params.prompt")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{"prompt":"a loop"},"output":{"container":"parity-inbox"}}""", "output.container")]
    public async Task RequestQueue_InvalidMessage_PoisonsItWithTheListenersErrors(string text, string fields)
    {
        var sent = await SendToStandaloneQueueAsync(text);
        var standalone = await ReceivePoisonAsync(fixture.StandalonePoisonQueue, sent.MessageId);

        await fixture.Functions.InvokeAsync<RequestQueueFunction>("RequestQueue", f => f.Run(Delivered(sent, text), fixture.Functions.Client, CancellationToken.None));

        var functions = await ReceivePoisonAsync(fixture.FunctionsPoisonQueue, sent.MessageId);
        Assert.Equal(ParityJson.Normalize(standalone, fixture.Substitutions(true)), ParityJson.Normalize(functions, fixture.Substitutions(false)));
        var envelope = JsonSerializer.Deserialize<PoisonEnvelope>(functions, Api.HostJson.Options)!;
        Assert.Equal("invalid", envelope.Reason);
        Assert.Equal(fields.Split(','), envelope.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.All(fixture.Clients, c => Assert.Null(c.GetInstanceAsync(sent.MessageId).Result));
    }

    [Theory]
    [InlineData(BlobInboxFunction.EventGridFunction)]
    [InlineData(BlobInboxFunction.PollingFunction)]
    public async Task BlobInbox_JobSpec_StartsTheJobTheListenerStarts(string function)
    {
        var name = $"spec-{Guid.NewGuid():N}.json";
        var spec = $$$"""{"kind":"image","provider":"comet","params":{"prompt":"an inbox owl {{{name}}}"}}""";

        await AssertSameInboxJobAsync(function, name, BinaryData.FromString(spec), metadata: null);
    }

    [Theory]
    [InlineData(BlobInboxFunction.EventGridFunction)]
    [InlineData(BlobInboxFunction.PollingFunction)]
    public async Task BlobInbox_ImageWithPrompt_StartsTheImageToVideoJobTheListenerStarts(string function)
    {
        var name = $"still-{Guid.NewGuid():N}.png";

        var input = await AssertSameInboxJobAsync(function, name, BinaryData.FromBytes(Png), new Dictionary<string, string> { [InboxJobFactory.PromptMetadata] = "the kite rises" });

        var parameters = input.RootElement.GetProperty("request").GetProperty("params");
        Assert.Equal("the kite rises", parameters.GetProperty("prompt").GetString());
        Assert.Contains($"/{ParityFixture.InboxContainer}/{name}?", parameters.GetProperty("image_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BlobInbox_BothFunctionsFireForOneUpload_StartOneJob()
    {
        // Switching the Event Grid function for the polling one (or both enabled by mistake) must not double an upload.
        var name = $"twice-{Guid.NewGuid():N}.json";
        var prompt = $"an inbox heron {name}";
        var container = new BlobContainerClient(fixture.StorageConnectionString, ParityFixture.InboxContainer);
        await container.CreateIfNotExistsAsync();
        var uploaded = await container.GetBlobClient(name).UploadAsync(BinaryData.FromString($$$"""{"kind":"image","provider":"comet","params":{"prompt":"{{{prompt}}}"}}"""));
        var id = InboxJobFactory.InstanceId(container.Name, name, uploaded.Value.ETag.ToString());

        await StartedAsync(fixture.Standalone.Client, id);
        await FireAsync(BlobInboxFunction.PollingFunction, container.Name, name);
        var first = await fixture.Functions.Client.GetInstanceAsync(id);
        await fixture.WaitForBothAsync(id);
        await FireAsync(BlobInboxFunction.EventGridFunction, container.Name, name);

        var after = await fixture.Functions.Client.GetInstanceAsync(id);
        Assert.NotNull(first);
        Assert.Equal((first.CreatedAt, OrchestrationRuntimeStatus.Completed), (after!.CreatedAt, after.RuntimeStatus));
        // One generation per deployment: the standalone listener's job and the Functions app's one job.
        Assert.Equal(2, (await fixture.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CometImages, prompt));
    }

    [Fact]
    public async Task BlobInbox_SpecWhoseOutputIsTheInbox_StartsNothing()
    {
        // The loop issue 28 names: media stored in the inbox would start a new job charged to the intake caller.
        var name = $"loop-{Guid.NewGuid():N}.json";
        var container = new BlobContainerClient(fixture.StorageConnectionString, ParityFixture.InboxContainer);
        await container.CreateIfNotExistsAsync();
        var uploaded = await container.GetBlobClient(name).UploadAsync(
            BinaryData.FromString($$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"a loop"},"output":{"container":"{{{ParityFixture.InboxContainer}}}"}}"""));

        await FireAsync(BlobInboxFunction.EventGridFunction, container.Name, name);
        await FireAsync(BlobInboxFunction.PollingFunction, container.Name, name);

        Assert.Null(await fixture.Functions.Client.GetInstanceAsync(InboxJobFactory.InstanceId(container.Name, name, uploaded.Value.ETag.ToString())));
    }

    private async Task<JsonDocument> AssertSameInboxJobAsync(string function, string name, BinaryData content, IDictionary<string, string>? metadata)
    {
        var container = new BlobContainerClient(fixture.StorageConnectionString, ParityFixture.InboxContainer);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient(name);
        var uploaded = await blob.UploadAsync(content, new BlobUploadOptions { Metadata = metadata });
        var id = InboxJobFactory.InstanceId(container.Name, name, uploaded.Value.ETag.ToString());
        var standalone = await StartedAsync(fixture.Standalone.Client, id);

        await FireAsync(function, container.Name, name);

        var functions = await fixture.Functions.Client.GetInstanceAsync(id, getInputsAndOutputs: true);
        AssertSameJob(id, standalone, functions);
        return JsonDocument.Parse(functions!.SerializedInput!);
    }

    /// <summary>Invokes one of the inbox functions as the host does on an upload of <paramref name="name"/>.</summary>
    private Task FireAsync(string function, string container, string name) =>
        fixture.Functions.InvokeAsync<BlobInboxFunction>(function, f =>
        {
            var blob = new BlobClient(fixture.StorageConnectionString, container, name);
            return function == BlobInboxFunction.PollingFunction
                ? f.RunPolling(blob, name, fixture.Functions.Client, CancellationToken.None)
                : f.Run(blob, name, fixture.Functions.Client, CancellationToken.None);
        });

    private void AssertSameJob(string id, OrchestrationMetadata standalone, OrchestrationMetadata? functions)
    {
        Assert.NotNull(functions);
        Assert.Equal(id, functions.InstanceId);
        Assert.Equal(standalone.Name, functions.Name);
        Assert.Equal(ParityJson.Normalize(standalone.SerializedInput!, fixture.Substitutions(true)), ParityJson.Normalize(functions.SerializedInput!, fixture.Substitutions(false)));

        // The times normalised away: each side's deadline counts from when it took the request.
        var deadlines = new[] { standalone, functions }.Select(i => JsonDocument.Parse(i.SerializedInput!).RootElement.GetProperty("deadline").GetDateTimeOffset()).ToList();
        Assert.InRange(deadlines[1] - deadlines[0], TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    private async Task<SendReceipt> SendToStandaloneQueueAsync(string text)
    {
        var queue = new QueueClient(fixture.StorageConnectionString, fixture.StandaloneRequestsQueue);
        await queue.CreateIfNotExistsAsync();
        return (await queue.SendMessageAsync(text)).Value;
    }

    /// <summary>The message as the queue trigger hands it over on its first delivery (host.json <c>messageEncoding: none</c>: the text as sent).</summary>
    private static QueueMessage Delivered(SendReceipt sent, string text) =>
        QueuesModelFactory.QueueMessage(sent.MessageId, sent.PopReceipt, BinaryData.FromString(text), dequeueCount: 1, insertedOn: sent.InsertionTime, expiresOn: sent.ExpirationTime);

    private static async Task<OrchestrationMetadata> StartedAsync(DurableTaskClient client, string id)
    {
        for (var deadline = DateTime.UtcNow + Waits.HangGuard; DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await client.GetInstanceAsync(id, getInputsAndOutputs: true) is { } instance)
            {
                return instance;
            }
        }

        throw new TimeoutException($"The standalone listener started no instance {id}.");
    }

    private async Task<string> ReceivePoisonAsync(string queueName, string messageId)
    {
        var queue = new QueueClient(fixture.StorageConnectionString, queueName);
        for (var deadline = DateTime.UtcNow + Waits.HangGuard; DateTime.UtcNow < deadline; await Task.Delay(100))
        {
            if (await queue.ExistsAsync())
            {
                foreach (var message in (await queue.ReceiveMessagesAsync(32)).Value)
                {
                    if (JsonDocument.Parse(message.Body).RootElement.GetProperty("messageId").GetString() == messageId)
                    {
                        return message.Body.ToString();
                    }
                }
            }
        }

        throw new TimeoutException($"No poison envelope for {messageId} in {queueName}.");
    }
}
