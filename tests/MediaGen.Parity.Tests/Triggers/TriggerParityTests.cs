using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;
using MediaGen.Api.Triggers;
using MediaGen.Simulator;

namespace MediaGen.Parity.Tests.Triggers;

/// <summary>
/// The Functions app's queue and blob triggers, fired by the real Storage extensions under the stand-in host, start the
/// same jobs the standalone host's listeners start from the same message or blob: the same orchestrator and input (once
/// the times each side stamped, the SAS window of an inbox image and each side's own queue message id are normalised), or
/// the same poison envelope for an invalid message. Each side has its own requests queue (a message goes to both); the
/// inbox container is shared, so one upload is the same job id on both. Both inbox functions run on the Functions side:
/// the polling one (<c>BlobInboxPolling</c>) finds an upload itself, the Event Grid one (<c>BlobInbox</c>) runs when the test
/// delivers the upload's BlobCreated event to the host's blob webhook, as Azure's subscription does. The Functions side's
/// instances are read through the Durable extension's gRPC endpoint.
/// </summary>
[Collection(ParityCollection.Name)]
public sealed class TriggerParityTests(ParityFixture fixture)
{
    private const string PollingFunction = "BlobInboxPolling";
    private const string EventGridFunction = "BlobInbox";

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

        var (toStandalone, toFunctions) = await SendToBothQueuesAsync(text);

        var standalone = await StartedAsync(fixture.Standalone.Client, ParityFixture.IntakeId(toStandalone.MessageId));
        var functions = await StartedAsync(fixture.Functions.Client, ParityFixture.IntakeId(toFunctions.MessageId));
        AssertSameJob(standalone, functions, toStandalone.MessageId, toFunctions.MessageId);
    }

    [Theory]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{"prompt":""},"colour":"red"}""", "colour,params.prompt")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{"prompt":"a loop"},"output":{"container":"parity-inbox"}}""", "output.container")]
    public async Task RequestQueue_InvalidMessage_PoisonsItWithTheListenersErrors(string text, string fields)
    {
        var (toStandalone, toFunctions) = await SendToBothQueuesAsync(text);

        var standalone = await ReceivePoisonAsync(fixture.StandalonePoisonQueue, toStandalone.MessageId);
        var functions = await ReceivePoisonAsync(fixture.FunctionsPoisonQueue, toFunctions.MessageId);

        Assert.Equal(
            ParityJson.Normalize(standalone, Substitutions(standalone: true, toStandalone.MessageId)),
            ParityJson.Normalize(functions, Substitutions(standalone: false, toFunctions.MessageId)));
        var envelope = JsonSerializer.Deserialize<PoisonEnvelope>(functions, Api.HostJson.Options)!;
        Assert.Equal(("invalid", 1L), (envelope.Reason, envelope.DequeueCount));
        Assert.Equal(fields.Split(','), envelope.Errors.Select(e => e.Field).Order(StringComparer.Ordinal));
        Assert.Null(await fixture.Standalone.Client.GetInstanceAsync(ParityFixture.IntakeId(toStandalone.MessageId)));
        Assert.Null(await fixture.Functions.Client.GetInstanceAsync(ParityFixture.IntakeId(toFunctions.MessageId)));
    }

    [Theory]
    [InlineData(PollingFunction)]
    [InlineData(EventGridFunction)]
    public async Task BlobInbox_JobSpec_StartsTheJobTheListenerStarts(string function)
    {
        var name = $"spec-{Guid.NewGuid():N}.json";
        var spec = $$$"""{"kind":"image","provider":"comet","params":{"prompt":"an inbox owl {{{name}}}"}}""";

        await AssertSameInboxJobAsync(function, name, BinaryData.FromString(spec), metadata: null);
    }

    [Theory]
    [InlineData(PollingFunction)]
    [InlineData(EventGridFunction)]
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
        var (blob, etag) = await UploadAsync(name, BinaryData.FromString($$$"""{"kind":"image","provider":"comet","params":{"prompt":"{{{prompt}}}"}}"""), metadata: null);
        var id = ParityFixture.InboxId(InboxJobFactory.InstanceId(ParityFixture.InboxContainer, name, etag));

        await ProcessedAsync(name, PollingFunction);
        await fixture.WaitForBothAsync(id);
        var first = await fixture.Functions.Client.GetInstanceAsync(id);
        await DeliverBlobCreatedAsync(blob, etag);
        await ProcessedAsync(name, EventGridFunction);

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
        var (blob, etag) = await UploadAsync(name,
            BinaryData.FromString($$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"a loop"},"output":{"container":"{{{ParityFixture.InboxContainer}}}"}}"""), metadata: null);
        await DeliverBlobCreatedAsync(blob, etag);

        await ProcessedAsync(name, PollingFunction, EventGridFunction);

        var id = ParityFixture.InboxId(InboxJobFactory.InstanceId(ParityFixture.InboxContainer, name, etag));
        foreach (var client in fixture.Clients)
        {
            Assert.Null(await client.GetInstanceAsync(id));
        }
    }

    /// <summary>
    /// Uploads <paramref name="name"/> and, for <see cref="EventGridFunction"/>, delivers its BlobCreated event (the polling
    /// function finds the upload itself); both sides start one job; it is the same once normalised, and
    /// <paramref name="function"/> has processed the blob.
    /// </summary>
    private async Task<JsonDocument> AssertSameInboxJobAsync(string function, string name, BinaryData content, IDictionary<string, string>? metadata)
    {
        var (blob, etag) = await UploadAsync(name, content, metadata);
        if (function == EventGridFunction)
        {
            await DeliverBlobCreatedAsync(blob, etag);
        }

        var id = ParityFixture.InboxId(InboxJobFactory.InstanceId(ParityFixture.InboxContainer, name, etag));
        var standalone = await StartedAsync(fixture.Standalone.Client, id);
        var functions = await StartedAsync(fixture.Functions.Client, id);
        await ProcessedAsync(name, function);

        AssertSameJob(standalone, functions, id, id);
        return JsonDocument.Parse(functions.SerializedInput!);
    }

    private async Task<(BlobClient Blob, string ETag)> UploadAsync(string name, BinaryData content, IDictionary<string, string>? metadata)
    {
        var container = new BlobContainerClient(fixture.StorageConnectionString, ParityFixture.InboxContainer);
        await container.CreateIfNotExistsAsync();
        var blob = container.GetBlobClient(name);
        var uploaded = await blob.UploadAsync(content, new BlobUploadOptions { Metadata = metadata });
        return (blob, uploaded.Value.ETag.ToString());
    }

    /// <summary>Delivers the BlobCreated event of <paramref name="blob"/> to the Event Grid inbox function, as its Azure subscription does (infra/main.bicep).</summary>
    private async Task DeliverBlobCreatedAsync(BlobClient blob, string etag)
    {
        using var delivery = new HttpRequestMessage(HttpMethod.Post, $"runtime/webhooks/blobs?functionName=Host.Functions.{EventGridFunction}")
        {
            Content = new StringContent(EventGridEvents.BlobCreated(blob.Uri, etag), Encoding.UTF8, "application/json"),
        };
        delivery.Headers.Add(EventGridEvents.EventTypeHeader, "Notification");
        using var response = await fixture.Functions.Http.SendAsync(delivery);
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"{response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>
    /// Waits until inbox blob <paramref name="name"/> has been processed by the standalone listener (its marker in its
    /// processed container) and by each of the Functions app's <paramref name="functions"/>: the WebJobs host's own log of
    /// the function's execution for that blob ended <c>Succeeded</c> (<c>Executing '&lt;function&gt;' (Reason='New blob
    /// detected(&lt;source&gt;): &lt;container&gt;/&lt;name&gt;', Id=&lt;id&gt;)</c>, then <c>Executed '&lt;function&gt;' (Succeeded, Id=&lt;id&gt;</c>). The
    /// Event Grid source keeps no blob receipts, so the log is what both sources have in common.
    /// </summary>
    private async Task ProcessedAsync(string name, params string[] functions)
    {
        var marker = new BlobContainerClient(fixture.StorageConnectionString, fixture.StandaloneProcessedContainer).GetBlobClient(name);
        List<string> Pending() => [.. functions.Where(f => !Succeeded(fixture.Functions.Output, f, $"{ParityFixture.InboxContainer}/{name}"))];
        try
        {
            await Waits.UntilAsync(async () => Pending().Count == 0 && await marker.ExistsAsync(), $"inbox blob {name} to be processed");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException(
                $"Inbox blob {name} was not processed by the standalone listener and {string.Join(", ", functions)} (pending: {string.Join(", ", Pending())}).\n{fixture.Functions.Output}", e);
        }
    }

    private static bool Succeeded(string output, string function, string blob)
    {
        var executing = Regex.Matches(output, $@"Executing '{function}' \(Reason='New blob detected\([A-Za-z]+\): {Regex.Escape(blob)}', Id=(?<id>[0-9a-f-]+)\)");
        return executing.Any(m => output.Contains($"Executed '{function}' (Succeeded, Id={m.Groups["id"].Value}", StringComparison.Ordinal));
    }

    private void AssertSameJob(OrchestrationMetadata standalone, OrchestrationMetadata functions, string standaloneSource, string functionsSource)
    {
        Assert.Equal(standalone.Name, functions.Name);
        Assert.Equal(ParityFixture.IntakeCaller, JsonDocument.Parse(functions.SerializedInput!).RootElement.GetProperty("owner").GetString());
        Assert.Equal(
            ParityJson.Normalize(standalone.SerializedInput!, Substitutions(standalone: true, standaloneSource)),
            ParityJson.Normalize(functions.SerializedInput!, Substitutions(standalone: false, functionsSource)));

        // The times normalised away: each side's deadline counts from when it took the request.
        var deadlines = new[] { standalone, functions }.Select(i => JsonDocument.Parse(i.SerializedInput!).RootElement.GetProperty("deadline").GetDateTimeOffset()).ToList();
        Assert.InRange((deadlines[1] - deadlines[0]).Duration(), TimeSpan.Zero, TimeSpan.FromMinutes(1));
    }

    /// <summary>One side's substitutions, with the id its intake took the job from (a queue message's id differs per queue) as <c>{source}</c>.</summary>
    private Dictionary<string, string> Substitutions(bool standalone, string source) =>
        new(fixture.Substitutions(standalone)) { [source] = "{source}" };

    private async Task<(SendReceipt Standalone, SendReceipt Functions)> SendToBothQueuesAsync(string text)
    {
        var receipts = new List<SendReceipt>();
        foreach (var name in new[] { fixture.StandaloneRequestsQueue, fixture.FunctionsRequestsQueue })
        {
            var queue = new QueueClient(fixture.StorageConnectionString, name);
            await queue.CreateIfNotExistsAsync();
            receipts.Add((await queue.SendMessageAsync(text)).Value);
        }

        return (receipts[0], receipts[1]);
    }

    private async Task<OrchestrationMetadata> StartedAsync(DurableTaskClient client, string id)
    {
        try
        {
            return await Waits.ForAsync(token => client.GetInstanceAsync(id, getInputsAndOutputs: true, token), $"instance {id}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"No instance {id} was started (client {client.Name}).\n{fixture.Functions.Output}", e);
        }
    }

    private async Task<string> ReceivePoisonAsync(string queueName, string messageId)
    {
        var queue = new QueueClient(fixture.StorageConnectionString, queueName);
        try
        {
            return await Waits.ForAsync(
                async () => await queue.ExistsAsync()
                    ? (await queue.PeekMessagesAsync(32)).Value
                        .FirstOrDefault(m => JsonDocument.Parse(m.Body).RootElement.GetProperty("messageId").GetString() == messageId)?.Body.ToString()
                    : null,
                $"the poison envelope of {messageId}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"No poison envelope for {messageId} in {queueName}.\n{fixture.Functions.Output}", e);
        }
    }
}
