using Azure.Storage.Queues.Models;
using MediaGen.Core.Jobs;

namespace MediaGen.Host.Tests.Listeners;

[Collection(IntakeCollection.Name)]
public sealed class RequestQueueListenerTests(HostEnvironment env)
{
    private static readonly Dictionary<string, string?> ListenerOff = new() { ["RequestQueue:Enabled"] = "false" };

    [Fact]
    public async Task Message_PlainJson_StartsJobNamedByTheIntakeCallerAndTheMessageId()
    {
        await using var host = await env.StartHostAsync();
        var queue = await QueueAsync(host, host.Names.Requests);

        var sent = (await queue.SendMessageAsync("""{"kind":"audio","provider":"cosmic","params":{"prompt":"plain queue"}}""")).Value;

        var job = await host.WaitForJobAsync(TestHost.IntakeId(sent.MessageId));
        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal("audio/mpeg", Assert.Single(job.Result!.Items).ContentType);
        await Waits.ForAsync(async () => (await queue.PeekMessagesAsync()).Value.Length == 0 ? "" : null, "the message to be deleted");
    }

    [Fact]
    public async Task Message_Base64Json_StartsJob()
    {
        await using var host = await env.StartHostAsync();
        var queue = await QueueAsync(host, host.Names.Requests);
        var json = """{"kind":"image","provider":"comet","params":{"prompt":"base64 queue"}}""";

        var sent = (await queue.SendMessageAsync(Convert.ToBase64String(Encoding.UTF8.GetBytes(json)))).Value;

        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(TestHost.IntakeId(sent.MessageId))).Status);
    }

    [Fact]
    public async Task Messages_SameIdempotencyKey_StartOneJob()
    {
        await using var host = await env.StartHostAsync();
        var queue = await QueueAsync(host, host.Names.Requests);
        var prompt = "queue idem " + Guid.NewGuid().ToString("N");
        var json = $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{{prompt}}}"},"idempotencyKey":"q-{{{Guid.NewGuid():N}}}"}""";

        await queue.SendMessageAsync(json);
        await queue.SendMessageAsync(json);
        await Waits.ForAsync(async () => (await queue.PeekMessagesAsync()).Value.Length == 0 ? "" : null, "both messages to be handled");

        var viaHttp = await host.StartJobAsync(json);
        Assert.False(viaHttp.Created);
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(viaHttp.Id)).Status);
        Assert.Equal(1, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicImage, prompt));
    }

    [Theory]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{"prompt":"x"},"colour":"red"}""", "colour")]
    [InlineData("""{"kind":"image","provider":"cosmic","params":{"prompt":"x","size":"huge"}}""", "params.size")]
    [InlineData("not json at all", "$")]
    public async Task Message_Invalid_IsPoisonedAtOnceWithTheErrors(string body, string field)
    {
        await using var host = await env.StartHostAsync();
        var queue = await QueueAsync(host, host.Names.Requests);

        var sent = (await queue.SendMessageAsync(body)).Value;

        var envelope = await PoisonAsync(host);
        Assert.Equal(sent.MessageId, envelope.MessageId);
        Assert.Equal(body, envelope.OriginalMessage);
        Assert.Equal("invalid", envelope.Reason);
        Assert.Equal(1, envelope.DequeueCount);
        Assert.Contains(envelope.Errors, e => e.Field == field);
        Assert.Empty((await queue.PeekMessagesAsync()).Value);
        Assert.Null(await host.GetJobAsync(TestHost.IntakeId(sent.MessageId)));
    }

    [Fact]
    public async Task Message_RedeliveredAfterItsJobStarted_StartsNoSecondJob()
    {
        var names = HostNames.Unique();
        var prompt = "redelivered " + Guid.NewGuid().ToString("N");
        string messageId;
        await using (var crashed = await env.StartHostAsync(names, ListenerOff))
        {
            // What a host that crashed after starting the job, before deleting the message, leaves behind.
            var queue = await QueueAsync(crashed, names.Requests);
            await queue.SendMessageAsync($$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{{prompt}}}"}}""");
            var received = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
            messageId = received.MessageId;
            var jobs = crashed.Services.GetRequiredService<JobStarter>();
            await jobs.StartJobAsync(QueueMessageDecoder.Decode(received.Body), JobIds.ForQueueMessage(received.MessageId));
            await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            await crashed.WaitForJobAsync(TestHost.IntakeId(messageId));
        }

        await using var host = await env.StartHostAsync(names);
        var requests = await QueueAsync(host, names.Requests);
        await Waits.ForAsync(async () => (await requests.PeekMessagesAsync()).Value.Length == 0 ? "" : null, "the redelivered message to be handled");

        Assert.Equal(JobStatus.Completed, (await host.GetJobAsync(TestHost.IntakeId(messageId)))!.Status);
        Assert.Equal(1, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.CosmicImage, prompt));
        Assert.Empty((await (await QueueAsync(host, names.Poison)).PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task Message_DeliveredMoreThanMaxDequeueCount_IsMovedAsItIsToThePoisonQueue()
    {
        var names = HostNames.Unique();
        const string body = """{"kind":"text","provider":"cosmic","params":{"prompt":"never handled"}}""";
        string messageId;
        await using (var before = await env.StartHostAsync(names, ListenerOff))
        {
            // Three deliveries that never finished (MaxDequeueCount is 3 in the test hosts).
            var queue = await QueueAsync(before, names.Requests);
            messageId = (await queue.SendMessageAsync(body)).Value.MessageId;
            for (var i = 0; i < 3; i++)
            {
                var received = (await queue.ReceiveMessageAsync(TimeSpan.FromSeconds(30))).Value;
                await queue.UpdateMessageAsync(received.MessageId, received.PopReceipt, visibilityTimeout: TimeSpan.Zero);
            }
        }

        await using var host = await env.StartHostAsync(names);

        // As the Functions host does: the original text, no envelope, in <queue>-poison; the requests queue is emptied.
        Assert.Equal(names.Requests + "-poison", names.Poison);
        Assert.Equal(body, (await PoisonedAsync(host)).Body.ToString());
        await Waits.ForAsync(async () => (await (await QueueAsync(host, names.Requests)).PeekMessagesAsync()).Value.Length == 0 ? "" : null, "the message to leave the requests queue");
        Assert.Null(await host.GetJobAsync(TestHost.IntakeId(messageId)));
    }

    [Fact]
    public async Task Message_TransientFailure_IsRetriedAndStartsOneJob()
    {
        await using var host = await env.StartHostAsync(configureServices: FlakyDurableClient.Install(failures: 1));
        var queue = await QueueAsync(host, host.Names.Requests);

        var sent = (await queue.SendMessageAsync("""{"kind":"text","provider":"cosmic","params":{"prompt":"transient"}}""")).Value;

        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(TestHost.IntakeId(sent.MessageId))).Status);
        Assert.Equal(1, ((FlakyDurableClient)host.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>()).Failed);
        Assert.Empty((await (await QueueAsync(host, host.Names.Poison)).PeekMessagesAsync()).Value);
    }

    [Fact]
    public async Task Message_FailingEveryDelivery_IsMovedAsItIsToThePoisonQueueAfterMaxDequeueCount()
    {
        await using var host = await env.StartHostAsync(configureServices: FlakyDurableClient.Install(failures: -1));
        var queue = await QueueAsync(host, host.Names.Requests);
        const string body = """{"kind":"text","provider":"cosmic","params":{"prompt":"always failing"}}""";

        await queue.SendMessageAsync(body);

        var poisoned = await PoisonedAsync(host);
        Assert.Equal(body, poisoned.Body.ToString());
        Assert.Equal(3, ((FlakyDurableClient)host.Services.GetRequiredService<Microsoft.DurableTask.Client.DurableTaskClient>()).Failed);
        await Waits.ForAsync(async () => (await queue.PeekMessagesAsync()).Value.Length == 0 ? "" : null, "the message to leave the requests queue");
    }

    [Fact]
    public async Task Message_OverTheDefaultCallersBudget_IsPoisonedAtOnceAndStartsNothing()
    {
        // Queue messages count under the caller "default"; a zero daily limit admits no priced job.
        await using var host = await env.StartHostAsync(overrides: new Dictionary<string, string?> { ["Budgets:Callers:default:DailyUsd"] = "0" });
        var queue = await QueueAsync(host, host.Names.Requests);
        var prompt = $"An unaffordable star {Guid.NewGuid():N}";

        var sent = (await queue.SendMessageAsync($$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"{{{prompt}}}"}}""")).Value;

        var envelope = await PoisonAsync(host);
        Assert.Equal(("budget_exceeded", 1), (envelope.Reason, envelope.DequeueCount));
        var error = Assert.Single(envelope.Errors);
        Assert.Equal(("$", "budget"), (error.Field, error.Rule));
        Assert.Contains("daily usd", error.Message, StringComparison.Ordinal);
        Assert.Null(await host.GetJobAsync(TestHost.IntakeId(sent.MessageId)));
        Assert.Equal(0, (await env.Simulator.GetRequestsAsync()).CountOf(SimulatorEndpoints.PixazoTextToImage, prompt));
    }

    private static async Task<QueueClient> QueueAsync(TestHost host, string name)
    {
        var queue = host.Queues.GetQueueClient(name);
        await queue.CreateIfNotExistsAsync();
        return queue;
    }

    private static async Task<PoisonEnvelope> PoisonAsync(TestHost host) =>
        JsonSerializer.Deserialize<PoisonEnvelope>((await PoisonedAsync(host)).Body.ToString(), JobJson.Options)!;

    private static async Task<PeekedMessage> PoisonedAsync(TestHost host)
    {
        var poison = await QueueAsync(host, host.Names.Poison);
        return await Waits.ForAsync<PeekedMessage>(
            async () => (await poison.PeekMessagesAsync()).Value.FirstOrDefault(), "a poison message");
    }
}
