using System.Net;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Queues;
using MediaGen.Client;

namespace MediaGen.Demo;

/// <summary>
/// The end-to-end demo <c>scripts/run.sh</c> runs once Azurite, the simulator and the app are up, written as a calling
/// service would write it: the typed client (<see cref="MediaGenClient"/>) starts one job per provider kind over HTTP
/// (the text job with <c>Prefer: wait</c>), the Azure Storage SDK sends one through the requests queue and one through the
/// blob inbox, the client follows each to its end over its event stream, and the demo prints where each media item
/// landed (checking the stored bytes' SHA-256), the results-queue messages and the signed callbacks its receiver got
/// (verified with the client's <see cref="CallbackVerifier"/>). Exit code 1 when any job or check fails.
/// The same demo runs against the standalone host and the Functions app: it reads the launcher's <c>stack.env</c>
/// (<see cref="DemoSettings"/>).
/// </summary>
internal static class Program
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(150);

    private static async Task<int> Main(string[] args)
    {
        if (args is not ["--stack", var stackFile])
        {
            await Console.Error.WriteLineAsync("usage: MediaGen.Demo --stack RUN_DIR/stack.env (the launcher's; scripts/run.sh passes it)");
            return 2;
        }

        var settings = DemoSettings.FromStackFile(stackFile);
        using var deadline = new CancellationTokenSource(Budget);
        var token = deadline.Token;
        using var http = new HttpClient { BaseAddress = settings.HostUrl, Timeout = TimeSpan.FromSeconds(90) };
        var client = new MediaGenClient(http, settings.ApiKey);
        var blobs = new BlobServiceClient(settings.StorageConnection);
        var queues = new QueueServiceClient(settings.StorageConnection);
        var intake = new IntakeIds(settings.IntakeCaller);
        await using var callbacks = await CallbackSink.StartAsync(settings.CallbackKeys);
        var jobs = new List<DemoJob>();

        async Task<string> SubmitAsync(string label, JobKind kind, ProviderName provider, string prompt, TimeSpan? wait = null)
        {
            var request = new JobRequest(kind, provider, new JsonObject { ["prompt"] = prompt }) { CallbackUrl = callbacks.Url };
            var start = await client.StartJobAsync(request, wait, token);
            jobs.Add(new DemoJob(label, start.Id, "HTTP /api/jobs -> " + Answer(start)));
            return start.Id;
        }

        Console.WriteLine("Submitting demo jobs...");
        var cosmicImage = await SubmitAsync("image  cosmic", JobKind.Image, ProviderName.Cosmic, "A lighthouse on a cliff at dawn, watercolor");
        await SubmitAsync("image  pixazo (text-to-image)", JobKind.Image, ProviderName.Pixazo, "A red fox in fresh snow, photographic");
        await SubmitAsync("image  comet", JobKind.Image, ProviderName.Comet, "A paper boat on a rainy street");
        // A quick job: with Prefer: wait the answer is the finished job when it ends in time.
        await SubmitAsync("text   cosmic", JobKind.Text, ProviderName.Cosmic, "Write a two-line poem about durable timers.", TimeSpan.FromSeconds(30));
        var chain = await client.StartChainAsync(
            new ChainRequest(new JsonObject { ["prompt"] = "A hot-air balloon rising over hills" }, null, ["The balloon drifts over a lake", "Sunset, the balloon lands"])
            { CallbackUrl = callbacks.Url },
            cancellationToken: token);
        jobs.Add(new DemoJob("chain  cosmic video + 2 extensions", chain.Id, "HTTP /api/chains -> " + Answer(chain)));

        // The requests queue and the inbox container exist in Azure (infra/main.bicep creates them) and once the
        // standalone host's listeners started; a trigger's listener under the Functions host does not create them.
        var requests = queues.GetQueueClient(settings.RequestsQueue);
        await requests.CreateIfNotExistsAsync(cancellationToken: token);
        var inbox = blobs.GetBlobContainerClient(settings.Inbox);
        await inbox.CreateIfNotExistsAsync(cancellationToken: token);

        // Audio through the requests queue, base64-encoded as the Functions queue trigger expects it.
        var audio = new JobRequest(JobKind.Audio, ProviderName.Cosmic, new JsonObject { ["prompt"] = "Welcome to MediaGen." }) { CallbackUrl = callbacks.Url };
        var base64Requests = new QueueClient(settings.StorageConnection, settings.RequestsQueue, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var sent = await base64Requests.SendMessageAsync(JsonSerializer.Serialize(audio, MediaGenJson.Options), token);
        jobs.Add(new DemoJob("audio  cosmic", intake.ForQueueMessage(sent.Value.MessageId), $"queue {settings.RequestsQueue} (message {sent.Value.MessageId})"));

        // Pixazo image-to-video through the blob inbox: the Cosmic image, once stored, dropped into the inbox with a prompt.
        var first = await client.WaitForCompletionAsync(cosmicImage, token);
        if (first.Status != JobStatus.Completed || first.Result is not { Items: [var image, ..] })
        {
            throw new InvalidOperationException($"The Cosmic image job ended {first.Status}: {first.Error?.Type}: {first.Error?.Message}");
        }

        var picture = await BlobFor(blobs, image.BlobUri).DownloadContentAsync(token);
        var upload = inbox.GetBlobClient("demo-lighthouse.png");
        var uploaded = await upload.UploadAsync(picture.Value.Content, new BlobUploadOptions
        {
            HttpHeaders = new BlobHttpHeaders { ContentType = "image/png" },
            Metadata = new Dictionary<string, string> { ["prompt"] = "The lighthouse beam sweeps across the sea" },
        }, token);
        var inboxId = intake.ForInboxBlob(settings.Inbox, upload.Name, uploaded.Value.ETag.ToString());
        if (settings.InboxProcessed is { } processed)
        {
            // The standalone host records what it started in a marker blob: it must name the same job.
            var marker = blobs.GetBlobContainerClient(processed).GetBlobClient(upload.Name);
            while (!(await marker.ExistsAsync(token)).Value)
            {
                await Task.Delay(300, token);
            }

            var named = JsonDocument.Parse((await marker.DownloadContentAsync(token)).Value.Content.ToString()).RootElement.GetProperty("jobId").GetString();
            if (named != inboxId)
            {
                throw new InvalidOperationException($"The inbox marker names job {named}, not {inboxId}.");
            }
        }

        jobs.Add(new DemoJob("video  pixazo (image-to-video)", inboxId, $"blob {settings.Inbox}/{upload.Name}"));

        Console.WriteLine("Waiting for them...");
        Console.WriteLine();
        var failed = 0;
        foreach (var job in jobs)
        {
            var state = await FinishedAsync(client, job.Id, token);
            var ok = state.Status == JobStatus.Completed;
            failed += ok ? 0 : 1;
            Console.WriteLine($"{(ok ? "OK  " : "FAIL")} {job.Label}  [{job.Via}]");
            Console.WriteLine($"     job {state.Id}: {state.Status}{(state.Error is { } e ? $" ({e.Type}: {e.Message})" : "")}");
            foreach (var item in state.Result?.Items ?? [])
            {
                var bytes = (await BlobFor(blobs, item.BlobUri).DownloadContentAsync(token)).Value.Content.ToArray();
                var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
                var check = sha == item.Sha256 && bytes.Length == item.Size ? "sha256 verified" : $"MISMATCH (stored {bytes.Length} bytes, {sha})";
                failed += check == "sha256 verified" ? 0 : 1;
                Console.WriteLine($"     {item.BlobUri}\n       {item.ContentType}, {item.Size} bytes, sha256 {item.Sha256} ({check})");
            }

            if (state.Result?.Text is { } text)
            {
                Console.WriteLine($"     text: {JsonSerializer.Serialize(text[..Math.Min(100, text.Length)])}");
            }
        }

        // Completion notifications are published as each job ends; give the last ones a moment.
        var results = queues.GetQueueClient(settings.ResultsQueue);
        List<JsonElement> published = [];
        for (var i = 0; i < 20 && published.Count < jobs.Count; i++)
        {
            published = (await results.ExistsAsync(token)).Value
                ? [.. (await results.PeekMessagesAsync(32, token)).Value.Select(m => JsonDocument.Parse(m.Body.ToString()).RootElement)]
                : [];
            if (published.Count < jobs.Count)
            {
                await Task.Delay(300, token);
            }
        }

        Console.WriteLine($"\nResults queue {settings.ResultsQueue} ({published.Count} messages, peeked):");
        foreach (var message in published)
        {
            var items = message.TryGetProperty("result", out var r) && r.ValueKind == JsonValueKind.Object && r.TryGetProperty("items", out var list) ? list.GetArrayLength() : 0;
            Console.WriteLine($"  {message.GetProperty("type")} {message.GetProperty("id")}: {message.GetProperty("status")} ({items} items)");
        }

        // Every job but the inbox one asked for a callback.
        for (var i = 0; i < 20 && callbacks.Deliveries.Where(d => !d.Refused).Select(d => d.Id).Distinct().Count() < jobs.Count - 1; i++)
        {
            await Task.Delay(300, token);
        }

        Console.WriteLine($"\nSigned callbacks received at {callbacks.Url}:");
        foreach (var delivery in callbacks.Deliveries)
        {
            failed += delivery.Valid ? 0 : 1;
            Console.WriteLine($"  delivery {delivery.Id} for {delivery.Job}: signature {(delivery.Valid ? "valid" : "INVALID")}"
                + (delivery.Refused ? " (answered 503 on purpose; expect a retry with the same id)" : ""));
        }

        Console.WriteLine(failed == 0 ? $"\nAll {jobs.Count} demo jobs completed." : $"\n{failed} demo check(s) failed.");
        return failed == 0 ? 0 : 1;
    }

    /// <summary>How the start was answered: 202 (accepted), or with <c>Prefer: wait</c> the finished job (201).</summary>
    private static string Answer<TState>(JobStart<TState> start)
        where TState : class => start switch
    {
        { Final: not null, WaitApplied: { } w } => $"{(start.Created ? 201 : 200)} (finished within Prefer: wait={w.TotalSeconds:0})",
        { Created: true } => "202",
        _ => "200 (already known)",
    };

    /// <summary>
    /// Follows the job to its end. A queued or inbox job exists once the app has taken its message or upload: until
    /// then its id answers 404, so ask again shortly.
    /// </summary>
    private static async Task<JobState> FinishedAsync(MediaGenClient client, string id, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await client.WaitForCompletionAsync(id, cancellationToken);
            }
            catch (MediaGenApiException ex) when (ex.StatusCode == HttpStatusCode.NotFound)
            {
                await Task.Delay(300, cancellationToken);
            }
        }
    }

    private static BlobClient BlobFor(BlobServiceClient blobs, Uri blobUri)
    {
        var parts = new BlobUriBuilder(blobUri);
        return blobs.GetBlobContainerClient(parts.BlobContainerName).GetBlobClient(parts.BlobName);
    }
}
