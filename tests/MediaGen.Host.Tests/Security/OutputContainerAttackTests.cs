using Azure.Storage.Queues.Models;
using MediaGen.Core.Jobs;

namespace MediaGen.Host.Tests.Security;

/// <summary>
/// Issue 28.3 as an attacker tries it on the standalone host: a job whose <c>output.container</c> is the blob inbox would
/// drop its media where the inbox starts a new (Pixazo) job charged to the intake caller. Through every door — HTTP
/// jobs, batches, chains, a queue message, an inbox job spec — it is refused naming <c>output.container</c>, and nothing
/// starts, is bought or lands in the inbox. MediaGen's other containers (inbox records, task hub, workflow state, the
/// Functions host's) are refused alike, and listing one as an output fails start-up.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class OutputContainerAttackTests(HostEnvironment env)
{
    [Theory]
    [InlineData("/api/jobs", "output.container")]
    [InlineData("/api/batches", "items[0].output.container")]
    [InlineData("/api/chains", "output.container")]
    public async Task Start_OutputIsTheInbox_Returns400NamingOutputContainerAndStartsNothing(string route, string field)
    {
        await using var host = await env.StartHostAsync();
        var prompt = Prompt();
        var output = $$"""{"container":"{{host.Names.Inbox}}"}""";
        var json = route switch
        {
            "/api/jobs" => Job(prompt, output),
            "/api/batches" => $$"""{"items":[{{Job(prompt, output)}}]}""",
            _ => $$"""{"initial":{"prompt":"{{prompt}}"},"prompts":["further"],"output":{{output}}}""",
        };

        using var response = await host.PostJsonAsync(route, json);

        var problem = await ProblemAssert.InvalidAsync(response, field);
        Assert.Equal("not_allowed", problem.GetProperty("errors").EnumerateArray().Single(e => e.GetProperty("field").GetString() == field).GetProperty("rule").GetString());
        await AssertNothingHappenedAsync(host, prompt);
    }

    [Fact]
    public async Task StartJob_OutputIsAnyOfMediaGensOwnContainers_Returns400()
    {
        await using var host = await env.StartHostAsync();
        string[] own = [host.Names.Processed, host.Names.Hub.ToLowerInvariant() + "-leases", host.Names.Hub.ToLowerInvariant() + "-largemessages", "mediagen-workflows", "azure-webjobs-hosts"];

        foreach (var container in own)
        {
            var prompt = Prompt();
            using var response = await host.PostJsonAsync("/api/jobs", Job(prompt, $$"""{"container":"{{container}}"}"""));

            await ProblemAssert.InvalidAsync(response, "output.container");
            await AssertNothingHappenedAsync(host, prompt);
        }
    }

    [Fact]
    public async Task QueueMessage_OutputIsTheInbox_IsPoisonedNamingOutputContainerAndStartsNothing()
    {
        await using var host = await env.StartHostAsync();
        var prompt = Prompt();
        var queue = host.Queues.GetQueueClient(host.Names.Requests);
        await queue.CreateIfNotExistsAsync();

        var sent = (await queue.SendMessageAsync(Job(prompt, $$"""{"container":"{{host.Names.Inbox}}"}"""))).Value;

        var poison = host.Queues.GetQueueClient(host.Names.Poison);
        await poison.CreateIfNotExistsAsync();
        var message = await Waits.ForAsync<PeekedMessage>(async () => (await poison.PeekMessagesAsync()).Value.FirstOrDefault(), "a poison message");
        var envelope = JsonSerializer.Deserialize<PoisonEnvelope>(message.Body.ToString(), JobJson.Options)!;
        Assert.Equal((sent.MessageId, "invalid"), (envelope.MessageId, envelope.Reason));
        Assert.Contains(envelope.Errors, e => e is { Field: "output.container", Rule: "not_allowed" });
        Assert.Null(await host.GetJobAsync(TestHost.IntakeId(sent.MessageId)));
        await AssertNothingHappenedAsync(host, prompt);
    }

    [Fact]
    public async Task InboxSpec_OutputIsTheInbox_IsRecordedFailedNamingOutputContainerAndStartsNothing()
    {
        await using var host = await env.StartHostAsync();
        var prompt = Prompt();
        var inbox = host.Blobs.GetBlobContainerClient(host.Names.Inbox);
        await inbox.CreateIfNotExistsAsync();

        await inbox.GetBlobClient("loop.json").UploadAsync(BinaryData.FromString(Job(prompt, $$"""{"container":"{{host.Names.Inbox}}"}""")));

        var record = await Waits.ForAsync(async () =>
        {
            var marker = host.Blobs.GetBlobContainerClient(host.Names.Processed).GetBlobClient("loop.json");
            return await marker.ExistsAsync()
                ? JsonSerializer.Deserialize<InboxRecord>((await marker.DownloadContentAsync()).Value.Content.ToString(), JobJson.Options)
                : null;
        }, "the inbox record of loop.json");
        Assert.Equal("failed", record.Status);
        Assert.Null(record.JobId);
        Assert.Contains(record.Errors!, e => e is { Field: "output.container", Rule: "not_allowed" });
        await AssertNothingHappenedAsync(host, prompt);
        Assert.Equal(["loop.json"], await NamesAsync(inbox));
    }

    [Fact]
    public async Task Startup_InboxListedAsAnOutputContainer_FailsNamingTheSetting()
    {
        var names = HostNames.Unique();

        var ex = await env.StartFailureAsync(names, new Dictionary<string, string?> { ["Media:AllowedContainers"] = names.Inbox });

        Assert.Contains($"Media:AllowedContainers entry '{names.Inbox}' is MediaGen's own container (BlobInboxContainerName)", ex.ToString(), StringComparison.Ordinal);
    }

    private static string Prompt() => "output attack " + Guid.NewGuid().ToString("N");

    private static string Job(string prompt, string output) =>
        $$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{prompt}}"},"output":{{output}}}""";

    private async Task AssertNothingHappenedAsync(TestHost host, string prompt)
    {
        var jobs = await host.Api.GetFromJsonAsync<JobPage>(new Uri("/api/jobs", UriKind.Relative), JobJson.Options);
        Assert.Empty(jobs!.Jobs);
        Assert.DoesNotContain((await env.Simulator.GetRequestsAsync()).Requests, r => r.Prompt == prompt);
    }

    private static async Task<List<string>> NamesAsync(BlobContainerClient container)
    {
        var names = new List<string>();
        await foreach (var blob in container.GetBlobsAsync())
        {
            names.Add(blob.Name);
        }

        return names;
    }
}
