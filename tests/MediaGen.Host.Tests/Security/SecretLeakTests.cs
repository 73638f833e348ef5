using System.Text.RegularExpressions;
using Azure.Storage.Blobs.Models;
using MediaGen.Api.Jobs;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Workflows.Pixazo;

namespace MediaGen.Host.Tests.Security;

/// <summary>
/// Issue 11.5: no secret leaves the host in anything it emits. One host is configured with a distinctive value for every
/// secret (provider keys, API keys, the webhook signing key, the callback signing key; Azurite's account key is in the
/// storage connection string) and runs jobs of every provider and entry point, good and failing (provider 401 and 500,
/// Pixazo FAILED, validation errors, a wrong key, a forged webhook, an oversized body, a poisoned queue message, an inbox
/// image sent to Pixazo as a SAS URL, a callback receiver that fails once). Everything it emits is captured — every log
/// line at Trace with its state, scopes and exceptions, every HTTP answer (headers and body, ProblemDetails included),
/// every job's and batch's status (custom status included), job lists, results-queue and poison-queue messages, inbox
/// markers, callback requests (headers and body) — and scanned for each secret, each per-job webhook secret, and any SAS
/// signature (<c>sig=</c>).
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed partial class SecretLeakTests(HostEnvironment env)
{
    private static readonly string Run = Guid.NewGuid().ToString("N")[..12];

    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["Api__Key"] = $"apikey-{Run}-Q7rW",
        ["Api__Keys__partner"] = $"partnerkey-{Run}-Lm3P",
        ["Cosmic__WriteKey"] = $"cosmickey-{Run}-Vb8N",
        ["Pixazo__SubscriptionKey"] = $"pixazokey-{Run}-Kd2S",
        ["Comet__ApiKey"] = $"cometkey-{Run}-Hy5T",
        ["Workflows__WebhookSigningKey"] = $"webhookkey-{Run}-Zx4C",
        ["Callbacks__SigningKey"] = ReceivedWebhook.NewSecret(),
        ["storage account key"] = AzuriteInstance.AccountKey,
    };

    [Fact]
    public async Task EndToEnd_EveryProviderAndFailure_EmitsNoSecret()
    {
        var logs = new CapturingLoggerProvider();
        var emitted = new ConcurrentQueue<(string Source, string Text)>();
        var callbacks = 0;
        await using var receiver = await LoopbackHttpServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            emitted.Enqueue(("callback", $"{context.Request.Method} {context.Request.Path}{context.Request.QueryString}\n{Headers(context.Request.Headers)}\n{body}"));
            context.Response.StatusCode = Interlocked.Increment(ref callbacks) == 1 ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
        });
        var settings = new Dictionary<string, string?>
        {
            ["Api:Key"] = Secrets["Api__Key"],
            ["Api:Keys:partner"] = Secrets["Api__Keys__partner"],
            ["Cosmic:WriteKey"] = Secrets["Cosmic__WriteKey"],
            ["Pixazo:SubscriptionKey"] = Secrets["Pixazo__SubscriptionKey"],
            ["Comet:ApiKey"] = Secrets["Comet__ApiKey"],
            ["Workflows:WebhookSigningKey"] = Secrets["Workflows__WebhookSigningKey"],
            ["Callbacks:SigningKey"] = Secrets["Callbacks__SigningKey"],
            ["Logging:LogLevel:Default"] = "Trace",
        };
        await using var host = await env.StartHostAsync(overrides: settings, configureServices: logs.InstallAtTrace());
        using var api = new HttpClient(new CapturingHandler(emitted)) { BaseAddress = host.BaseAddress };
        api.DefaultRequestHeaders.Add("x-functions-key", Secrets["Api__Key"]);
        var callback = new Uri(receiver.BaseAddress, "hook?token=caller-owned").AbsoluteUri;

        // Jobs of every provider, good and failing, with callbacks.
        string[] jobs =
        [
            Job("image", "cosmic", "a cosmic fox", callback),
            Job("text", "cosmic", "a cosmic poem"),
            Job("image", "cosmic", "[sim:401] refused fox", callback),
            Job("image", "comet", "a comet fox"),
            Job("image", "comet", "[sim:500] broken fox", callback),
            Job("image", "pixazo", "a pixazo fox", callback),
            Job("image", "pixazo", "[sim:failed=upstream lost it] failed fox"),
        ];
        var started = new List<JobAccepted>();
        foreach (var job in jobs)
        {
            started.Add(await StartAsync(api, "/api/jobs", job));
        }

        var batch = await StartAsync(api, "/api/batches", $$"""{"items":[{{Job("image", "cosmic", "batch fox")}},{{Job("image", "comet", "[sim:401] batch refusal")}}],"callbackUrl":"{{callback}}"}""");

        // Through the other entry points: a queue message (and a poisoned one), inbox images sent to Pixazo as SAS URLs.
        var requests = host.Queues.GetQueueClient(host.Names.Requests);
        await requests.CreateIfNotExistsAsync();
        await requests.SendMessageAsync(Job("image", "comet", "a queued fox"));
        await requests.SendMessageAsync("""{"kind":"image","provider":"comet","params":{"prompt":"x","bogus":1}}""");
        var inbox = host.Blobs.GetBlobContainerClient(host.Names.Inbox);
        await inbox.CreateIfNotExistsAsync();
        await inbox.GetBlobClient("beach.png").UploadAsync(BinaryData.FromBytes(Png()), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["prompt"] = "waves" } });
        await inbox.GetBlobClient("refused.png").UploadAsync(BinaryData.FromBytes(Png()), new BlobUploadOptions { Metadata = new Dictionary<string, string> { ["prompt"] = "[sim:400] refused waves" } });

        // Refusals the caller sees: validation, wrong key, forged webhook, oversized body, the text stream's provider error.
        await SendAsync(api, HttpMethod.Post, "/api/jobs", """{"kind":"image","provider":"pixazo","params":{"prompt":"x","num_inference_steps":500}}""");
        await SendAsync(api, HttpMethod.Post, "/api/jobs", """{"kind":"image","provider":"cosmic","params":{"prompt":"x"},"callbackUrl":"ftp://nowhere"}""");
        await SendAsync(api, HttpMethod.Post, "/api/jobs", "{\"kind\":\"" + new string('x', HostEnvironment.MaxBodyBytes) + "\"}");
        await SendAsync(api, HttpMethod.Get, "/api/jobs/job-unknown");
        await SendAsync(api, HttpMethod.Post, "/api/text/stream", """{"prompt":"stream a fox"}""");
        await SendAsync(api, HttpMethod.Post, "/api/text/stream", """{"prompt":"[sim:401] stream refused"}""");
        using (var wrongKey = new HttpClient(new CapturingHandler(emitted)) { BaseAddress = host.BaseAddress })
        {
            await SendAsync(wrongKey, HttpMethod.Get, "/api/jobs?code=" + Secrets["Api__Keys__partner"] + "x");
            await SendAsync(wrongKey, HttpMethod.Get, "/api/jobs?code=" + Secrets["Api__Keys__partner"]);
            var pixazo = started.First(s => s.PixazoWebhookUri is not null).PixazoWebhookUri!;
            await SendAsync(wrongKey, HttpMethod.Post, pixazo.AbsolutePath + "?secret=AAAA" + pixazo.Query[12..], """{"request_id":"r","status":"COMPLETED","output":{"media_url":["http://127.0.0.1:9/x.png"]}}""");
            await SendAsync(wrongKey, HttpMethod.Post, pixazo.PathAndQuery, """{"request_id":"r","status":"NOPE"}""");
        }

        // Wait for everything to end, reading every status (custom status included) as a caller would.
        var inboxJobs = new List<string>();
        foreach (var name in new[] { "beach.png", "refused.png" })
        {
            inboxJobs.Add(await Waits.ForAsync(async () =>
            {
                var marker = host.Blobs.GetBlobContainerClient(host.Names.Processed).GetBlobClient(name);
                if (!await marker.ExistsAsync())
                {
                    return null;
                }

                var content = (await marker.DownloadContentAsync()).Value;
                emitted.Enqueue(("inbox marker", content.Content + " " + string.Join(",", content.Details.Metadata)));
                using var record = JsonDocument.Parse(content.Content.ToString());
                return record.RootElement.GetProperty("jobId").GetString();
            }, $"the inbox marker of {name}"));
        }

        var ids = started.Select(s => s.Id).Concat(inboxJobs).ToList();
        var ended = new List<JobState>();
        foreach (var id in ids)
        {
            ended.Add(await WaitAsync(api, id));
        }

        var batchState = await Waits.ForAsync(async () =>
        {
            var text = await SendAsync(api, HttpMethod.Get, $"/api/batches/{batch.Id}");
            return text.Contains("\"status\":\"Completed\"", StringComparison.Ordinal) || text.Contains("\"status\":\"Failed\"", StringComparison.Ordinal) ? text : null;
        }, "the batch to end");
        var page = await Waits.ForAsync(async () =>
        {
            var text = await SendAsync(api, HttpMethod.Get, "/api/jobs?pageSize=1000");
            return Regex.Matches(text, "\"status\":\"(Pending|Running)\"").Count == 0 ? text : null;
        }, "every job to end");
        var expectedCallbacks = started.Count(s => jobs[started.IndexOf(s)].Contains(callback, StringComparison.Ordinal)) + 1 + 1; // + the batch + one retried
        await Waits.ForAsync(() => Task.FromResult(Volatile.Read(ref callbacks) >= expectedCallbacks ? "" : null), "every callback");
        var results = host.Queues.GetQueueClient(host.Names.Results);
        var messages = await Waits.ForAsync(async () =>
        {
            var peeked = (await results.PeekMessagesAsync(32)).Value;
            return peeked.Length >= ids.Count + 1 ? peeked : null;
        }, "a results message per job and batch");
        foreach (var message in messages)
        {
            emitted.Enqueue(("results queue", message.Body.ToString()));
        }

        var poison = await Waits.ForAsync(async () =>
            (await host.Queues.GetQueueClient(host.Names.Poison).PeekMessagesAsync(32)).Value.FirstOrDefault(), "the poisoned message");
        emitted.Enqueue(("poison queue", poison.Body.ToString()));
        await host.DisposeAsync(); // its shutdown logs too

        // What ran is what was meant to run, so the scan below covers it.
        Assert.Equal(
            [JobStatus.Completed, JobStatus.Completed, JobStatus.Failed, JobStatus.Completed, JobStatus.Failed, JobStatus.Completed, JobStatus.Failed, JobStatus.Completed, JobStatus.Failed],
            ended.Select(j => j.Status));
        Assert.Contains("\"failed\":1", batchState, StringComparison.Ordinal);
        Assert.Contains(started[0].Id, page, StringComparison.Ordinal);
        var categories = string.Join(", ", logs.Lines.Select(l => l[..Math.Max(0, l.IndexOf(':', StringComparison.Ordinal))]).Distinct().Order(StringComparer.Ordinal));
        Assert.True(logs.Lines.Any(l => l.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal)), "no HttpClient logs among: " + categories);
        Assert.True(logs.Lines.Any(l => l.Contains("MediaGen", StringComparison.Ordinal) && l.Contains("Unauthorized", StringComparison.OrdinalIgnoreCase)), "no provider refusal logged among: " + categories);

        var webhooks = new PixazoWebhooks(Options.Create(new WorkflowOptions { WebhookSigningKey = Secrets["Workflows__WebhookSigningKey"], PublicBaseUrl = host.BaseAddress.AbsoluteUri }));
        var secrets = new Dictionary<string, string>(Secrets);
        foreach (var id in ids.Where(id => ended[ids.IndexOf(id)].Provider == ProviderName.Pixazo))
        {
            secrets[$"webhook secret of {id}"] = new Uri(webhooks.UrlFor(id)!).Query["?secret=".Length..];
        }

        // The one deliberate disclosure: the start answer tells the job's owner the webhook URL Pixazo was given
        // (pixazoWebhookUri, documented); it is taken out here, so a secret anywhere else in that answer still counts.
        var everything = logs.Lines.Select(l => ("log", l))
            .Concat(emitted.Select(e => (e.Source, e.Source.StartsWith("HTTP answer to POST /api/", StringComparison.Ordinal) ? WebhookUri().Replace(e.Text, "") : e.Text)))
            .ToList();
        var leaks = Scan(everything, secrets);
        Assert.True(everything.Count > 500, $"only {everything.Count} things were captured");
        Assert.NotEmpty(Scan([("planted", "x" + secrets.Values.Last() + "y sig=abc")], secrets)); // the scan finds what it looks for
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:\n" + string.Join("\n", leaks.Take(30)));
    }

    [Fact]
    public async Task ProviderQuotingTheCredentials_JobErrorsAndLogsCarryThemRedacted()
    {
        // A provider that quotes what it was sent back in its error, as some do ("Incorrect API key provided: …").
        // It quotes the body too: a SAS URL the caller gave as Pixazo's image_url comes back in the message.
        await using var quoting = await LoopbackHttpServer.StartAsync(async context =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            var given = $"{context.Request.Headers.Authorization} {context.Request.Headers["Ocp-Apim-Subscription-Key"]} {context.Request.Headers["X-Webhook-URL"]}";
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { message = $"Incorrect API key provided: {given}; you sent {body}", type = "invalid_request_error", code = "invalid_api_key" } }));
        });
        var logs = new CapturingLoggerProvider();
        var provider = quoting.BaseAddress.AbsoluteUri;
        await using var host = await env.StartHostAsync(
            overrides: new Dictionary<string, string?>
            {
                ["Cosmic:BaseUrl"] = provider, ["Pixazo:BaseUrl"] = provider, ["Comet:BaseUrl"] = provider,
                ["Cosmic:WriteKey"] = Secrets["Cosmic__WriteKey"],
                ["Pixazo:SubscriptionKey"] = Secrets["Pixazo__SubscriptionKey"],
                ["Comet:ApiKey"] = Secrets["Comet__ApiKey"],
                ["Workflows:WebhookSigningKey"] = Secrets["Workflows__WebhookSigningKey"],
                ["Logging:LogLevel:Default"] = "Trace",
            },
            configureServices: logs.InstallAtTrace());

        var ended = new List<JobState>();
        var secrets = new Dictionary<string, string>(Secrets);
        const string sas = "https://media.example.com/inbox/still.png?sv=2025-01-05&se=2099-01-01T00%3A00%3A00Z&sr=b&sp=r&sig=c2FzLXNpZ25hdHVyZS1vZi10aGUtY2FsbGVy";
        string[] jobs =
        [
            Job("image", "cosmic", "quoted"),
            Job("image", "pixazo", "quoted"),
            Job("image", "comet", "quoted"),
            $$$"""{"kind":"video","provider":"pixazo","params":{"prompt":"quoted video","image_url":"{{{sas}}}"}}""",
        ];
        foreach (var json in jobs)
        {
            var accepted = await host.StartJobAsync(json);
            ended.Add(await host.WaitForJobAsync(accepted.Id));
            if (accepted.PixazoWebhookUri is { } webhook)
            {
                secrets["webhook secret"] = webhook.Query["?secret=".Length..];
            }
        }

        await host.DisposeAsync();
        Assert.All(ended, job =>
        {
            Assert.Equal((JobStatus.Failed, "unauthorized"), (job.Status, job.Error!.Type));
            Assert.Contains("Incorrect API key provided: ", job.Error.Message, StringComparison.Ordinal);
            Assert.Contains("***", job.Error.Message, StringComparison.Ordinal);
        });
        Assert.True(secrets.ContainsKey("webhook secret"), "the Pixazo job was given a webhook URL");
        var captured = logs.Lines.Select(l => ("log", l)).Concat(ended.Select(j => ("job status", Json(j)))).ToList();
        var leaks = Scan(captured, secrets);
        Assert.True(leaks.Count == 0, $"{leaks.Count} leaks:\n" + string.Join("\n", leaks.Take(30)));
    }

    /// <summary>Every captured text containing a secret (or a SAS signature), named by secret and source.</summary>
    private static List<string> Scan(IEnumerable<(string Source, string Text)> captured, IReadOnlyDictionary<string, string> secrets)
    {
        var leaks = new List<string>();
        foreach (var (source, text) in captured)
        {
            foreach (var (name, value) in secrets)
            {
                if (text.Contains(value, StringComparison.Ordinal) || text.Contains(Uri.EscapeDataString(value), StringComparison.Ordinal))
                {
                    leaks.Add($"{name} in {source}: {Shorten(text, value)}");
                }
            }

            if (SasSignature().Match(text) is { Success: true } sas)
            {
                leaks.Add($"a SAS signature in {source}: {Shorten(text, sas.Value)}");
            }
        }

        return leaks;
    }

    private static string Shorten(string text, string around)
    {
        var at = Math.Max(0, text.IndexOf(around, StringComparison.Ordinal));
        var start = Math.Max(0, at - 150);
        return text.Substring(start, Math.Min(text.Length - start, 300 + around.Length)).ReplaceLineEndings(" ");
    }

    private static string Job(string kind, string provider, string prompt, string? callbackUrl = null) =>
        $$"""{"kind":"{{kind}}","provider":"{{provider}}","params":{"prompt":"{{prompt}} {{Guid.NewGuid():N}}"}{{(callbackUrl is null ? "" : $",\"callbackUrl\":\"{callbackUrl}\"")}}}""";

    private static async Task<JobAccepted> StartAsync(HttpClient api, string route, string json)
    {
        var body = await SendAsync(api, HttpMethod.Post, route, json);
        return JsonSerializer.Deserialize<JobAccepted>(body, JobJson.Options) ?? throw new InvalidOperationException(body);
    }

    private static async Task<JobState> WaitAsync(HttpClient api, string id) =>
        await Waits.ForAsync(async () =>
        {
            var job = JsonSerializer.Deserialize<JobState>(await SendAsync(api, HttpMethod.Get, $"/api/jobs/{id}"), JobJson.Options);
            return job?.Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Canceled ? job : null;
        }, $"job {id} to end");

    private static async Task<string> SendAsync(HttpClient client, HttpMethod method, string path, string? json = null)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        using var response = await client.SendAsync(request);
        return await response.Content.ReadAsStringAsync();
    }

    private static string Json(JobState job) => JsonSerializer.Serialize(job, JobJson.Options);

    private static string Headers(IHeaderDictionary headers) => string.Join("\n", headers.Select(h => $"{h.Key}: {h.Value}"));

    private static byte[] Png() => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, .. Enumerable.Range(0, 64).Select(i => (byte)i)];

    [GeneratedRegex("\"pixazoWebhookUri\":\"[^\"]*\"")]
    private static partial Regex WebhookUri();

    // A signature's value, not one already redacted to ***.
    [GeneratedRegex("(?i)sig(=|%3D)(?!\\*\\*\\*)[^&\"\\s\\\\]+")]
    private static partial Regex SasSignature();

    /// <summary>Records every answer of the host: status, headers and body.</summary>
    private sealed class CapturingHandler(ConcurrentQueue<(string Source, string Text)> emitted) : DelegatingHandler(new HttpClientHandler())
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            var headers = response.Headers.Concat(response.Content.Headers).Select(h => $"{h.Key}: {string.Join(",", h.Value)}");
            emitted.Enqueue(($"HTTP answer to {request.Method} {request.RequestUri?.AbsolutePath}", $"{(int)response.StatusCode}\n{string.Join("\n", headers)}\n{body}"));
            return response;
        }
    }
}
