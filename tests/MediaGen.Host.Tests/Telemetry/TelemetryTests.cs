using System.Diagnostics;
using MediaGen.Api.Jobs;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers.Pixazo;
using MediaGen.Core.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace MediaGen.Host.Tests.Telemetry;

/// <summary>
/// The real standalone host with in-memory exporters: a job is one trace from the HTTP request through the orchestration
/// start, every activity execution, the provider HTTP calls and the blob uploads, and its metrics are recorded. The
/// test's own client sends no trace context (an unsampled caller's <c>sampled=00</c> would make the job unsampled).
/// </summary>
[Collection(JobsCollection.Name)]
public sealed class TelemetryTests(HostEnvironment env)
{
    private const string Prompt = "telemetry heron at dawn";

    [Fact]
    public async Task PixazoWebhookJob_FromHttpRequest_IsOneTraceThroughEveryActivityProviderCallAndUpload()
    {
        var spans = new Recorded<Activity>();
        var metrics = new Recorded<MetricSnapshot>();
        await using var host = await StartAsync(spans, metrics, new Dictionary<string, string?>
        {
            // Polling waits a minute: only the webhook can finish the job in time.
            ["Workflows:PollInitialInterval"] = "00:01:00",
            ["Workflows:PollMaxInterval"] = "00:01:00",
        });
        using var client = Client(host);

        var accepted = await StartAsync(client, "/api/jobs", $$$"""{"kind":"image","provider":"pixazo","params":{"prompt":"{{{Prompt}}}"}}""");
        var job = await host.WaitForJobAsync(accepted.Id);
        Assert.Equal(JobStatus.Completed, job.Status);
        var requestId = job.Progress!.Value.GetProperty("requestId").GetString();

        var trace = await TraceOfAsync(spans, accepted.Id, "activity PublishResultActivity");
        var request = Assert.Single(trace, s => s.Kind == ActivityKind.Server && s.ParentSpanId == default);
        Assert.Equal("POST", request.GetTagItem("http.request.method"));
        var start = Single(trace, "job start", request);
        Assert.Equal(ActivityKind.Producer, start.Kind);
        Assert.Equal(accepted.Id, start.GetTagItem(MediaGenTelemetry.JobIdTag));
        Assert.Equal("pixazo", start.GetTagItem(MediaGenTelemetry.ProviderTag));
        Assert.Equal("image", start.GetTagItem(MediaGenTelemetry.JobKindTag));
        Single(trace, "orchestration PixazoGenerationOrchestrator", start);

        var submit = Single(trace, "activity PixazoSubmitActivity", start);
        Assert.Equal(requestId, submit.GetTagItem(MediaGenTelemetry.ProviderRequestIdTag));
        Assert.Equal(1, submit.GetTagItem(MediaGenTelemetry.AttemptTag));
        Assert.Equal("pixazo", submit.GetTagItem(MediaGenTelemetry.ProviderTag));
        var providerCall = Assert.Single(ChildrenOf(trace, submit), IsCallTo(env.Simulator.BaseAddress));
        Assert.Equal("POST", providerCall.GetTagItem("http.request.method"));

        var webhook = Assert.Single(trace, s => s.DisplayName == "pixazo webhook" && (string?)s.GetTagItem("mediagen.provider.status") == "COMPLETED");
        Assert.Equal(start.SpanId, webhook.ParentSpanId);
        Assert.Equal(requestId, webhook.GetTagItem(MediaGenTelemetry.ProviderRequestIdTag));

        var copy = Single(trace, "activity CopyMediaActivity", start);
        Assert.Equal(requestId, copy.GetTagItem(MediaGenTelemetry.ProviderRequestIdTag));
        Assert.Equal(PixazoCatalog.TextToImageModel, copy.GetTagItem(MediaGenTelemetry.ModelTag));
        Assert.Contains(ChildrenOf(trace, copy), IsCallTo(env.Simulator.BaseAddress));
        var upload = Single(trace, "blob upload", copy);
        Assert.Equal(job.Result!.Items[0].Size, upload.GetTagItem(MediaGenTelemetry.BytesTag));
        Assert.Equal(job.Result.Items[0].ContentType, upload.GetTagItem(MediaGenTelemetry.ContentTypeTag));
        Assert.True((long)upload.GetTagItem(MediaGenTelemetry.BytesTag)! > 0);
        Single(trace, "activity PublishResultActivity", start);

        AssertNoSecrets(trace, host);
        Flush(host);
        Assert.True(Sum(metrics, "mediagen.jobs.started", ("provider", "pixazo"), ("kind", "image")) >= 1);
        Assert.True(Sum(metrics, "mediagen.jobs.completed", ("provider", "pixazo"), ("kind", "image")) >= 1);
        Assert.True(HistogramCount(metrics, "mediagen.generation.duration", ("provider", "pixazo"), ("kind", "image")) >= 1);
        Assert.True(HistogramCount(metrics, "mediagen.copy.throughput", ("provider", "pixazo")) >= 1);
    }

    [Fact]
    public async Task Batch_FromHttpRequest_EveryItemRunsInTheBatchTrace()
    {
        var spans = new Recorded<Activity>();
        var metrics = new Recorded<MetricSnapshot>();
        await using var host = await StartAsync(spans, metrics);
        using var client = Client(host);

        var accepted = await StartAsync(client, "/api/batches", $$$"""
            {"items":[
              {"kind":"image","provider":"cosmic","params":{"prompt":"{{{Prompt}}} one"}},
              {"kind":"image","provider":"comet","params":{"prompt":"{{{Prompt}}} two"}}
            ]}
            """);
        var batch = await Waits.ForAsync(async () =>
        {
            var state = await host.Api.GetFromJsonAsync<BatchState>($"/api/batches/{accepted.Id}", JobJson.Options);
            return state!.Status == JobStatus.Completed ? state : null;
        }, "the batch to complete");
        Assert.Equal(2, batch.Completed);

        var trace = await TraceOfAsync(spans, accepted.Id, "activity PublishResultActivity");
        var request = Assert.Single(trace, s => s.Kind == ActivityKind.Server && s.ParentSpanId == default);
        var start = Single(trace, "job start", request);
        Assert.Equal("batch", start.GetTagItem(MediaGenTelemetry.JobTypeTag));
        Assert.Equal(2, start.GetTagItem(MediaGenTelemetry.ItemsTag));
        foreach (var item in batch.Items)
        {
            var ofItem = trace.Where(s => (string?)s.GetTagItem(MediaGenTelemetry.JobIdTag) == item.JobId).ToList();
            Assert.Contains(ofItem, s => s.DisplayName == "orchestration SyncGenerationOrchestrator" && s.ParentSpanId == start.SpanId);
            var generate = Assert.Single(ofItem, s => s.DisplayName == "activity GenerateActivity");
            Assert.Equal(start.SpanId, generate.ParentSpanId);
            Assert.Contains(ChildrenOf(trace, generate), IsCallTo(env.Simulator.BaseAddress));
            Assert.Contains(ofItem, s => s.DisplayName == "blob upload" && (long)s.GetTagItem(MediaGenTelemetry.BytesTag)! > 0);
        }

        // Every span naming one of the batch's jobs is in the batch's trace.
        var ids = batch.Items.Select(i => i.JobId).Append(accepted.Id).ToHashSet();
        Assert.All(
            spans.Snapshot().Where(s => s.GetTagItem(MediaGenTelemetry.JobIdTag) is string id && ids.Contains(id)),
            s => Assert.Equal(request.TraceId, s.TraceId));
        AssertNoSecrets(trace, host);
        Flush(host);
        Assert.True(Sum(metrics, "mediagen.jobs.completed", ("provider", "cosmic"), ("kind", "image")) >= 1);
        Assert.True(Sum(metrics, "mediagen.jobs.completed", ("provider", "comet"), ("kind", "image")) >= 1);
    }

    [Fact]
    public async Task FailedJob_ProviderRefuses_CountsTheFailureAndTheProviderErrorByType()
    {
        var spans = new Recorded<Activity>();
        var metrics = new Recorded<MetricSnapshot>();
        await using var host = await StartAsync(spans, metrics);
        using var client = Client(host);

        // The simulator's fault grammar: a 400 on this call (invalid_request, not retried).
        var accepted = await StartAsync(client, "/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"[sim:400] refused heron"}}""");
        var job = await host.WaitForJobAsync(accepted.Id);
        Assert.Equal(JobStatus.Failed, job.Status);

        var trace = await TraceOfAsync(spans, accepted.Id, "activity PublishResultActivity");
        var generate = Assert.Single(trace, s => s.DisplayName == "activity GenerateActivity");
        Assert.Equal(ActivityStatusCode.Error, generate.Status);
        Assert.Equal(job.Error!.Type, generate.GetTagItem(MediaGenTelemetry.ErrorTypeTag));
        Flush(host);
        Assert.True(Sum(metrics, "mediagen.jobs.failed", ("provider", "cosmic"), ("kind", "image"), ("error_type", job.Error.Type)) >= 1);
        Assert.True(Sum(metrics, "mediagen.provider.errors", ("provider", "cosmic"), ("error_type", job.Error.Type)) >= 1);
    }

    [Fact]
    public async Task QueueMessageJob_FromTheListener_TraceStartsAtTheMessage()
    {
        var spans = new Recorded<Activity>();
        await using var host = await StartAsync(spans, new Recorded<MetricSnapshot>());
        var queue = host.Queues.GetQueueClient(host.Names.Requests);
        await queue.CreateIfNotExistsAsync();

        var sent = (await queue.SendMessageAsync($$$"""{"kind":"image","provider":"comet","params":{"prompt":"{{{Prompt}}} queue"}}""")).Value;
        var jobId = TestHost.IntakeId(sent.MessageId);
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(jobId)).Status);

        var trace = await TraceOfAsync(spans, jobId, "activity PublishResultActivity", ActivityKind.Consumer);
        var message = Assert.Single(trace, s => s.ParentSpanId == default);
        Assert.Equal("queue message", message.DisplayName);
        Assert.Equal(sent.MessageId, message.GetTagItem("messaging.message.id"));
        Assert.Equal(jobId, message.GetTagItem(MediaGenTelemetry.JobIdTag));
        var start = Single(trace, "job start", message);
        Assert.Equal(start.SpanId, Assert.Single(trace, s => s.DisplayName == "activity GenerateActivity").ParentSpanId);
        AssertNoSecrets(trace, host);
    }

    [Fact]
    public async Task InboxBlobJob_FromTheListener_TraceStartsAtTheBlob()
    {
        var spans = new Recorded<Activity>();
        await using var host = await StartAsync(spans, new Recorded<MetricSnapshot>());
        var inbox = host.Blobs.GetBlobContainerClient(host.Names.Inbox);
        await inbox.CreateIfNotExistsAsync();

        await inbox.GetBlobClient("telemetry.json").UploadAsync(BinaryData.FromString($$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{{Prompt}}} inbox"}}"""));

        var blobSpan = await Waits.ForAsync(
            () => Task.FromResult(spans.Snapshot().FirstOrDefault(s => s.DisplayName == "inbox blob" && s.GetTagItem(MediaGenTelemetry.JobIdTag) is string)),
            "the inbox blob's span");
        var jobId = (string)blobSpan.GetTagItem(MediaGenTelemetry.JobIdTag)!;
        Assert.Equal(JobStatus.Completed, (await host.WaitForJobAsync(jobId)).Status);
        var trace = await TraceOfAsync(spans, jobId, "activity PublishResultActivity", ActivityKind.Consumer);
        Assert.Equal(blobSpan.SpanId, Assert.Single(trace, s => s.ParentSpanId == default).SpanId);
        var start = Single(trace, "job start", blobSpan);
        Assert.Contains(trace, s => s.DisplayName == "activity CopyMediaActivity" && s.ParentSpanId == start.SpanId);
        AssertNoSecrets(trace, host);
    }

    private Task<TestHost> StartAsync(Recorded<Activity> spans, Recorded<MetricSnapshot> metrics, Dictionary<string, string?>? overrides = null) =>
        env.StartHostAsync(overrides: overrides, configureServices: services =>
        {
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
        });

    /// <summary>A client that sends the API key and no trace context of its own.</summary>
    private static HttpClient Client(TestHost host)
    {
        var client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null }) { BaseAddress = host.BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", HostEnvironment.ApiKey);
        return client;
    }

    private static async Task<JobAccepted> StartAsync(HttpClient client, string path, string json)
    {
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JobAccepted>(body, JobJson.Options)!;
    }

    /// <summary>The spans of the trace whose <c>job start</c> names <paramref name="jobId"/>, once <paramref name="last"/> has ended in it.</summary>
    private static Task<IReadOnlyList<Activity>> TraceOfAsync(Recorded<Activity> spans, string jobId, string last, ActivityKind rootKind = ActivityKind.Server) =>
        Waits.ForAsync<IReadOnlyList<Activity>>(() =>
        {
            var all = spans.Snapshot();
            var start = all.FirstOrDefault(s => s.DisplayName == "job start" && (string?)s.GetTagItem(MediaGenTelemetry.JobIdTag) == jobId);
            var trace = start is null ? [] : all.Where(s => s.TraceId == start.TraceId).ToList();
            var done = trace.Any(s => s.DisplayName == last && (string?)s.GetTagItem(MediaGenTelemetry.JobIdTag) == jobId)
                && trace.Any(s => s.Kind == rootKind && s.ParentSpanId == default);
            return Task.FromResult<IReadOnlyList<Activity>?>(done ? trace : null);
        }, $"the trace of {jobId} to hold '{last}'");

    private static Activity Single(IReadOnlyList<Activity> trace, string name, Activity parent)
    {
        var span = Assert.Single(trace, s => s.DisplayName == name);
        Assert.Equal(parent.SpanId, span.ParentSpanId);
        Assert.Equal(parent.TraceId, span.TraceId);
        return span;
    }

    /// <summary>An outgoing HTTP call to <paramref name="baseAddress"/>'s host (the provider simulator).</summary>
    private static Predicate<Activity> IsCallTo(Uri baseAddress) =>
        s => s.Kind == ActivityKind.Client && s.GetTagItem("url.full") is string url && url.StartsWith(baseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal);

    private static List<Activity> ChildrenOf(IReadOnlyList<Activity> trace, Activity parent) =>
        [.. trace.Where(s => s.ParentSpanId == parent.SpanId)];

    /// <summary>No prompt, key, secret or query string in any span name or attribute of the trace.</summary>
    private static void AssertNoSecrets(IReadOnlyList<Activity> trace, TestHost host)
    {
        string[] forbidden = [Prompt, HostEnvironment.ApiKey, HostEnvironment.WebhookKey, HostEnvironment.CallbackKey, SimulatorFixture.ApiKey, "secret=", "sig=", "AccountKey"];
        foreach (var span in trace)
        {
            foreach (var text in span.TagObjects.Select(t => t.Value?.ToString() ?? "").Append(span.DisplayName))
            {
                Assert.All(forbidden, secret => Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase));
            }

            if (span.GetTagItem("url.full") is string url)
            {
                Assert.DoesNotContain('?', url);
            }

            Assert.Null(span.GetTagItem("url.query"));
        }

        Assert.NotNull(host);
    }

    private static void Flush(TestHost host) => Assert.True(host.Services.GetRequiredService<MeterProvider>().ForceFlush(10_000));

    private static long Sum(Recorded<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetSumLong());

    private static long HistogramCount(Recorded<MetricSnapshot> metrics, string name, params (string Key, string Value)[] tags) =>
        Points(metrics, name, tags).Sum(p => p.GetHistogramCount());

    /// <summary>The points of the latest export of <paramref name="name"/> that carry every tag given.</summary>
    private static List<MetricPoint> Points(Recorded<MetricSnapshot> metrics, string name, (string Key, string Value)[] tags)
    {
        var latest = metrics.Snapshot().LastOrDefault(m => m.Name == name);
        Assert.True(latest is not null, $"no {name} was exported");
        return [.. latest.MetricPoints.Where(point =>
        {
            var have = new Dictionary<string, object?>();
            foreach (var tag in point.Tags)
            {
                have[tag.Key] = tag.Value;
            }

            return tags.All(t => have.TryGetValue(t.Key, out var v) && (string?)v == t.Value);
        })];
    }
}
