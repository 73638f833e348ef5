using MediaGen.Core.Jobs;
using MediaGen.Core.Notifications;

namespace MediaGen.Host.Tests.Notifications;

/// <summary>
/// <c>callbackEvents</c> (issue 26): each chosen event is delivered once, signed, in the documented order (started, outputs in
/// item order, completed), each under the id <see cref="CallbackEvents.DeliveryId"/> derives from the job, the event and the
/// item, kept on redelivery; bad choices are refused before anything starts.
/// </summary>
[Collection(JobsCollection.Name)]
public sealed class CallbackEventTests(HostEnvironment env)
{
    [Fact]
    public async Task CallbackEvents_EachAloneAndAllThree_DeliverExactlyTheChosenEventsInOrder()
    {
        await using var receiver = await CallbackReceiver.StartAsync(HostEnvironment.CallbackKey);
        await using var host = await env.StartHostAsync();
        string[][] choices = [["started"], ["output"], ["completed"], ["completed", "output", "started"]];

        var ids = new List<string>();
        foreach (var chosen in choices)
        {
            var events = JsonSerializer.Serialize(chosen);
            ids.Add((await host.StartJobAsync(
                $$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"events {{{string.Join('+', chosen)}}}"},"callbackUrl":"{{{receiver.Url}}}","callbackEvents":{{{events}}}}""")).Id);
        }

        for (var i = 0; i < choices.Length; i++)
        {
            var job = await host.WaitForJobAsync(ids[i]);
            Assert.Equal(JobStatus.Completed, job.Status);
            var item = Assert.Single(job.Result!.Items);
            // Every chosen event was delivered before the job ended; nothing else was.
            var got = receiver.Deliveries.Where(d => d.JobId == ids[i]).ToList();
            var expected = new List<(string Event, int? Index)>();
            if (choices[i].Contains("started"))
            {
                expected.Add(("started", null));
            }

            if (choices[i].Contains("output"))
            {
                expected.Add(("output", 0));
            }

            if (choices[i].Contains("completed"))
            {
                expected.Add(("completed", null));
            }

            Assert.Equal(expected, got.Select(d => (d.Event!, d.Index)));
            Assert.All(got, d => Assert.True(d.SignatureValid, $"{d.Event} of {ids[i]} does not verify"));
            Assert.All(got.Where(d => d.Event != "completed"), d => Assert.Equal(
                CallbackEvents.DeliveryId(ids[i], d.Event == "started" ? CallbackEvent.Started : CallbackEvent.Output, d.Index), d.DeliveryId));
            Assert.Equal(got.Count, got.Select(d => d.DeliveryId).Distinct().Count());
            var output = receiver.Received.FirstOrDefault(r => got.Any(d => d.Event == "output" && d.DeliveryId == r.Id));
            if (output is not null)
            {
                using var body = JsonDocument.Parse(output.Body);
                Assert.Equal("Running", body.RootElement.GetProperty("status").GetString());
                Assert.Equal(item.BlobUri.ToString(), body.RootElement.GetProperty("item").GetProperty("blobUri").GetString());
            }
        }
    }

    [Fact]
    public async Task CallbackEvents_RefusedDelivery_IsRetriedUnderTheSameIdAndKeepsTheOrder()
    {
        // The first delivery of the job (its started event) is answered 503: the retry must carry the same webhook-id, and
        // the output must wait for it.
        await using var receiver = await CallbackReceiver.StartAsync(HostEnvironment.CallbackKey, refuseFirst: _ => true);
        await using var host = await env.StartHostAsync();

        var id = (await host.StartJobAsync(
            $$$"""{"kind":"text","provider":"cosmic","params":{"prompt":"redeliver"},"callbackUrl":"{{{receiver.Url}}}","callbackEvents":["started","output","completed"]}""")).Id;
        await host.WaitForJobAsync(id);

        var got = receiver.Deliveries.Where(d => d.JobId == id).ToList();
        Assert.Equal(["started", "started", "output", "completed"], got.Select(d => d.Event));
        Assert.True(got[0].Refused);
        Assert.Equal(got[0].DeliveryId, got[1].DeliveryId);
        Assert.Equal(CallbackEvents.DeliveryId(id, CallbackEvent.Started), got[1].DeliveryId);
        Assert.Equal(3, got.Select(d => d.DeliveryId).Distinct().Count());
        Assert.All(got, d => Assert.True(d.SignatureValid));
    }

    [Fact]
    public async Task CallbackEvents_Batch_DeliversStartedAnOutputPerCompletedItemInItemOrderThenCompleted()
    {
        var failing = $"batch fails {Guid.NewGuid():N}";
        await env.Simulator.AddFaultAsync("400", SimulatorEndpoints.CosmicImage, promptContains: failing);
        await using var receiver = await CallbackReceiver.StartAsync(HostEnvironment.CallbackKey);
        await using var host = await env.StartHostAsync();

        var accepted = await host.StartJobAsync($$$"""
            {"items":[
              {"kind":"image","provider":"cosmic","params":{"prompt":"batch events zero"}},
              {"kind":"image","provider":"cosmic","params":{"prompt":"{{{failing}}}"}},
              {"kind":"image","provider":"comet","params":{"prompt":"batch events two"}},
              {"kind":"image","provider":"cosmic","params":{"prompt":"batch events three"}}
            ],"callbackUrl":"{{{receiver.Url}}}","callbackEvents":["started","output","completed"]}
            """, "/api/batches");
        var batch = await Waits.ForAsync(async () =>
        {
            var state = await host.Api.GetFromJsonAsync<BatchState>(accepted.StatusQueryGetUri, JobJson.Options);
            return state!.Status == JobStatus.Completed ? state : null;
        }, "the batch to complete");

        Assert.Equal(1, batch.Failed);
        var got = await Waits.ForAsync(
            () => Task.FromResult(receiver.Deliveries.Any(d => d.JobId == accepted.Id && d.Event == "completed") ? receiver.Deliveries.Where(d => d.JobId == accepted.Id).ToList() : null),
            "the batch's completed callback");
        Assert.Equal([("started", null), ("output", 0), ("output", 2), ("output", 3), ("completed", (int?)null)], got.Select(d => (d.Event!, d.Index)));
        var outputs = receiver.Received.Where(r => got.Any(d => d.Event == "output" && d.DeliveryId == r.Id)).ToList();
        Assert.Equal(3, outputs.Count);
        foreach (var output in outputs)
        {
            using var body = JsonDocument.Parse(output.Body);
            var index = body.RootElement.GetProperty("index").GetInt32();
            Assert.Equal(batch.Items[index].JobId, body.RootElement.GetProperty("itemId").GetString());
            Assert.Equal(1, body.RootElement.GetProperty("result").GetProperty("items").GetArrayLength());
            Assert.Equal(CallbackEvents.DeliveryId(accepted.Id, CallbackEvent.Output, index), output.Id);
        }
    }

    [Fact]
    public async Task CallbackEvents_Chain_DeliversAnOutputPerSegmentInOrder()
    {
        await using var receiver = await CallbackReceiver.StartAsync(HostEnvironment.CallbackKey);
        await using var host = await env.StartHostAsync();

        var accepted = await host.StartJobAsync(
            $$$"""{"initial":{"prompt":"an events kite"},"prompts":["higher","into the clouds"],"callbackUrl":"{{{receiver.Url}}}","callbackEvents":["output","completed"]}""",
            "/api/chains");
        var chain = await host.WaitForJobAsync(accepted.Id);

        Assert.Equal(JobStatus.Completed, chain.Status);
        var got = receiver.Deliveries.Where(d => d.JobId == accepted.Id).ToList();
        Assert.Equal([("output", 0), ("output", 1), ("output", 2), ("completed", (int?)null)], got.Select(d => (d.Event!, d.Index)));
        var segments = receiver.Received.Where(r => got.Any(d => d.Event == "output" && d.DeliveryId == r.Id))
            .Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("item").GetProperty("blobUri").GetString()).ToList();
        Assert.Equal(chain.Result!.Items.Select(i => i.BlobUri.ToString()), segments);
        using var completed = JsonDocument.Parse(receiver.Received.Single(r => got.Any(d => d.Event == "completed" && d.DeliveryId == r.Id)).Body);
        Assert.Equal("chain", completed.RootElement.GetProperty("type").GetString());
    }

    [Fact]
    public async Task CallbackEvents_FailoverJob_ReportStartedOnceAndTheServingProvidersOutput()
    {
        var marker = Guid.NewGuid().ToString("N");
        await env.Simulator.AddFaultAsync("402", SimulatorEndpoints.CosmicImage, count: 10, promptContains: marker);
        await using var receiver = await CallbackReceiver.StartAsync(HostEnvironment.CallbackKey);
        await using var host = await env.StartHostAsync();

        var id = (await host.StartJobAsync($$$"""
            {"kind":"image","provider":"cosmic","params":{"prompt":"A lighthouse {{{marker}}}"},
             "fallbacks":[{"provider":"comet","params":{"prompt":"A lighthouse {{{marker}}}","model":"dall-e-3"}}],
             "callbackUrl":"{{{receiver.Url}}}","callbackEvents":["started","output","completed"]}
            """)).Id;
        var job = await host.WaitForJobAsync(id);

        Assert.Equal(JobStatus.Completed, job.Status);
        Assert.Equal(["skipped", "served"], job.Providers!.Select(p => p.Outcome));
        var got = receiver.Deliveries.Where(d => d.JobId == id).ToList();
        Assert.Equal([("started", null), ("output", 0), ("completed", (int?)null)], got.Select(d => (d.Event!, d.Index)));
        var metrics = job.Metrics!;
        Assert.True(metrics.TotalSeconds >= metrics.QueuedSeconds + metrics.ProviderSeconds + metrics.CopySeconds - 1e-9, $"{metrics}");
        Assert.True(metrics.ProviderSeconds > 0, $"both providers were called: {metrics}");
    }

    [Theory]
    [InlineData("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"p"},"callbackUrl":"http://127.0.0.1:9/cb","callbackEvents":["finished"]}""", "callbackEvents[0]")]
    [InlineData("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"p"},"callbackUrl":"http://127.0.0.1:9/cb","callbackEvents":"completed"}""", "callbackEvents")]
    [InlineData("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"p"},"callbackUrl":"http://127.0.0.1:9/cb","callbackEvents":[1]}""", "callbackEvents[0]")]
    [InlineData("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"p"},"callbackUrl":"http://127.0.0.1:9/cb","callbackEvents":["output","output"]}""", "callbackEvents[1]")]
    [InlineData("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"p"},"callbackUrl":"http://127.0.0.1:9/cb","callbackEvents":[]}""", "callbackEvents")]
    [InlineData("/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"p"},"callbackEvents":["started"]}""", "callbackEvents")]
    [InlineData("/api/batches", """{"items":[{"kind":"image","provider":"cosmic","params":{"prompt":"p"}}],"callbackEvents":["output"]}""", "callbackEvents")]
    [InlineData("/api/batches", """{"items":[{"kind":"image","provider":"cosmic","params":{"prompt":"p"},"callbackEvents":["output"]}],"callbackUrl":"http://127.0.0.1:9/cb"}""", "items[0].callbackEvents")]
    [InlineData("/api/chains", """{"initial":{"prompt":"p"},"prompts":["q"],"callbackUrl":"http://127.0.0.1:9/cb","callbackEvents":["started","ended"]}""", "callbackEvents[1]")]
    public async Task CallbackEvents_Invalid_AreRefusedNamingTheFieldAndStartNothing(string path, string json, string field)
    {
        await using var host = await env.StartHostAsync();

        using var response = await host.PostJsonAsync(path, json);

        await ProblemAssert.InvalidAsync(response, field);
        var page = await host.Api.GetFromJsonAsync<JobPage>(new Uri("/api/jobs", UriKind.Relative), JobJson.Options);
        Assert.Empty(page!.Jobs);
    }
}
