using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// The job API of the app under the stand-in host, over HTTP through its front door, read as JSON (this project does not
/// load the app's assemblies next to the host's extensions): start, wait for an answer to hold, check stored media.
/// </summary>
internal sealed class AppJobs(StandInAppFixture app) : IDisposable
{
    private readonly HttpClient _client = app.Client();

    /// <summary>
    /// The id prefix of the intake caller's jobs, in the documented id format (docs/host.md, JobOwner): <c>o</c>, 12 hex
    /// digits of SHA-256 of <c>mediagen-owner:</c> + the caller (<c>Api__IntakeCaller</c>, "default" here), <c>-</c>.
    /// </summary>
    public static string IntakePrefix => "o" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("mediagen-owner:default")))[..12] + "-";

    /// <summary>The id of the job a queue message (without an idempotency key) starts, in the documented format: <see cref="IntakePrefix"/> + <c>job-</c> + the message id.</summary>
    public static string QueueJobId(string messageId) => IntakePrefix + "job-" + messageId;

    /// <summary>A prompt no other test uses, so the simulator's ledger counts this test's calls alone.</summary>
    public static string UniquePrompt(string text) => $"{text} {Guid.NewGuid():N}";

    /// <summary>The JSON of a job of <paramref name="kind"/> by <paramref name="provider"/> with only a prompt.</summary>
    public static string PromptJob(string kind, string provider, string prompt) =>
        JsonSerializer.Serialize(new { kind, provider, @params = new { prompt } });

    /// <summary>
    /// Calls <paramref name="probe"/> until it returns something (not null); gives up after <see cref="Waits.HangGuard"/>
    /// with <paramref name="what"/> (read then) and the host's output.
    /// </summary>
    public async Task<T> UntilAsync<T>(Func<Task<T?>> probe, Func<string> what)
        where T : class
    {
        try
        {
            return await Waits.ForAsync(probe, "a probe of the app");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Waited {Waits.HangGuard} for {what()}\n{app.Output}", e);
        }
    }

    /// <summary>The client (with the run's key).</summary>
    public HttpClient Client => _client;

    /// <summary>POSTs <paramref name="json"/> to <paramref name="path"/>, asserts 202 and returns the answer (<c>id</c>, links…).</summary>
    public async Task<JsonElement> StartAsync(string json, string path = "api/jobs")
    {
        using var response = await _client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, $"POST {path}: {(int)response.StatusCode} {body}\n{app.Output}");
        return Parse(body);
    }

    /// <summary>Starts <paramref name="json"/> at <paramref name="path"/> (asserting 202) and returns its id.</summary>
    public async Task<string> StartIdAsync(string json, string path = "api/jobs") =>
        (await StartAsync(json, path)).GetProperty("id").GetString()!;

    /// <summary>GETs <paramref name="path"/> and returns its JSON; asserts 200.</summary>
    public async Task<JsonElement> GetAsync(string path)
    {
        using var response = await _client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path}: {(int)response.StatusCode} {body}");
        return Parse(body);
    }

    /// <summary>
    /// GETs <paramref name="path"/> until its answer satisfies <paramref name="holds"/> (a 404 counts as not yet: a queued
    /// or inbox job exists once its trigger has fired); gives up after <see cref="Waits.HangGuard"/>.
    /// </summary>
    public async Task<JsonElement> WaitAsync(string path, Func<JsonElement, bool> holds, string what)
    {
        string? last = null;
        var found = await UntilAsync(async () =>
        {
            using var response = await _client.GetAsync(path);
            var body = await response.Content.ReadAsStringAsync();
            last = $"{(int)response.StatusCode} {body}";
            return response.StatusCode == HttpStatusCode.OK && Parse(body) is var answer && holds(answer) ? new StrongBox<JsonElement>(answer) : null;
        }, () => $"{what} at {path} (last answer: {last})");
        return found.Value;
    }

    /// <summary>Waits for job <paramref name="id"/> to end (Completed, Failed or Canceled) and returns its status answer.</summary>
    public Task<JsonElement> WaitForEndAsync(string id) =>
        WaitAsync(JobPath(id), job => Status(job) is "Completed" or "Failed" or "Canceled", $"job {id} to end");

    /// <summary>Waits for job <paramref name="id"/> to end and asserts it Completed (with the answer and the host's output if not).</summary>
    public async Task<JsonElement> CompletedAsync(string id)
    {
        var job = await WaitForEndAsync(id);
        Assert.True(Status(job) == "Completed", $"job {id} ended {Status(job)}: {job}\n{app.Output}");
        return job;
    }

    /// <summary>The job's status route.</summary>
    public static string JobPath(string id) => $"api/jobs/{Uri.EscapeDataString(id)}";

    /// <summary>A job's or batch's <c>status</c>.</summary>
    public static string? Status(JsonElement job) => job.GetProperty("status").GetString();

    /// <summary>A job's <c>progress</c> counter <paramref name="name"/> (0 when absent).</summary>
    public static int Counter(JsonElement job, string name) => Progress(job, name) is { ValueKind: JsonValueKind.Number } value ? value.GetInt32() : 0;

    /// <summary>A job's <c>progress</c> text <paramref name="name"/> (e.g. <c>phase</c>, <c>requestId</c>); null when absent (a job not started yet has no progress).</summary>
    public static string? ProgressText(JsonElement job, string name) => Progress(job, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The text of <paramref name="element"/>'s property <paramref name="name"/>, null when absent or null (the API leaves null fields out).</summary>
    public static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonElement? Progress(JsonElement job, string name) =>
        job.TryGetProperty("progress", out var progress) && progress.ValueKind == JsonValueKind.Object && progress.TryGetProperty(name, out var value) ? value : null;

    /// <summary>
    /// Asserts every result item of a completed <paramref name="job"/> is in Blob Storage as the answer describes it (size,
    /// SHA-256, content type starting with <paramref name="contentType"/>); returns the items.
    /// </summary>
    public async Task<IReadOnlyList<JsonElement>> AssertStoredAsync(JsonElement job, string contentType)
    {
        var items = job.GetProperty("result").GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        foreach (var item in items)
        {
            Assert.StartsWith(contentType, item.GetProperty("contentType").GetString(), StringComparison.Ordinal);
            var uri = new Uri(item.GetProperty("blobUri").GetString()!);
            // Azurite's path style: /<account>/<container>/<name…>
            var container = uri.Segments[2].TrimEnd('/');
            var name = Uri.UnescapeDataString(string.Concat(uri.Segments[3..]));
            var content = (await new BlobContainerClient(app.StorageConnectionString, container).GetBlobClient(name).DownloadContentAsync()).Value.Content.ToArray();
            Assert.Equal(item.GetProperty("size").GetInt64(), content.LongLength);
            Assert.Equal(item.GetProperty("sha256").GetString(), Convert.ToHexStringLower(SHA256.HashData(content)));
        }

        return items;
    }

    /// <inheritdoc />
    public void Dispose() => _client.Dispose();

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }
}
