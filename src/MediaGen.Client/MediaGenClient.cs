using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;

namespace MediaGen.Client;

/// <summary>
/// The MediaGen HTTP API, typed. Give it an <see cref="HttpClient"/> whose <see cref="HttpClient.BaseAddress"/> is the
/// service (e.g. <c>https://mediagen.example.com/</c>) and a caller's API key (sent as <c>x-functions-key</c>).
/// Refusals throw <see cref="MediaGenApiException"/> with the service's ProblemDetails; an id that the caller cannot see
/// reads as null.
/// </summary>
public sealed class MediaGenClient
{
    /// <summary>The API key header.</summary>
    public const string KeyHeader = "x-functions-key";

    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan SlowestPoll = TimeSpan.FromSeconds(10);
    private readonly HttpClient _http;
    private readonly string _apiKey;

    /// <summary>Creates the client.</summary>
    /// <exception cref="ArgumentException"><paramref name="http"/> has no base address, or the key is empty.</exception>
    public MediaGenClient(HttpClient http, string apiKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentException.ThrowIfNullOrEmpty(apiKey);
        if (http.BaseAddress is null)
        {
            throw new ArgumentException("The HttpClient needs a BaseAddress: the MediaGen service's URL.", nameof(http));
        }

        _http = http;
        _apiKey = apiKey;
    }

    /// <summary>
    /// Starts a job. With <paramref name="wait"/> (1–60 s, <c>Prefer: wait</c>) the service answers with the final state
    /// when the job ends within it. Canceling <paramref name="cancellationToken"/> stops waiting, never the job.
    /// </summary>
    public Task<JobStart<JobState>> StartJobAsync(JobRequest request, TimeSpan? wait = null, CancellationToken cancellationToken = default) =>
        StartAsync<JobRequest, JobState>("api/jobs", request, wait, cancellationToken);

    /// <summary>Starts a batch; <paramref name="wait"/> as for <see cref="StartJobAsync"/>.</summary>
    public Task<JobStart<BatchState>> StartBatchAsync(BatchRequest request, TimeSpan? wait = null, CancellationToken cancellationToken = default) =>
        StartAsync<BatchRequest, BatchState>("api/batches", request, wait, cancellationToken);

    /// <summary>Starts a video extension chain; <paramref name="wait"/> as for <see cref="StartJobAsync"/>.</summary>
    public Task<JobStart<JobState>> StartChainAsync(ChainRequest request, TimeSpan? wait = null, CancellationToken cancellationToken = default) =>
        StartAsync<ChainRequest, JobState>("api/chains", request, wait, cancellationToken);

    /// <summary>A job or chain; null when the caller has none with this id.</summary>
    public Task<JobState?> GetJobAsync(string id, CancellationToken cancellationToken = default) =>
        GetOrNullAsync<JobState>($"api/jobs/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>A batch with its items; null when the caller has none with this id.</summary>
    public Task<BatchState?> GetBatchAsync(string id, CancellationToken cancellationToken = default) =>
        GetOrNullAsync<BatchState>($"api/batches/{Uri.EscapeDataString(id)}", cancellationToken);

    /// <summary>One page of the caller's jobs; pass the previous page's token for the next.</summary>
    public async Task<JobPage> ListJobsAsync(JobListQuery? query = null, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        using var request = Request(HttpMethod.Get, "api/jobs" + QueryString(query ?? new JobListQuery(), continuationToken));
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<JobPage>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every job matching <paramref name="query"/>, page after page.</summary>
    public async IAsyncEnumerable<JobState> ListAllJobsAsync(JobListQuery? query = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var page = await ListJobsAsync(query, token, cancellationToken).ConfigureAwait(false);
            foreach (var job in page.Jobs)
            {
                yield return job;
            }

            token = page.ContinuationToken;
        }
        while (token is not null);
    }

    /// <summary>Asks to cancel a job, chain or batch: true when asked, false when it had already ended.</summary>
    /// <exception cref="MediaGenApiException">404: the caller has none with this id.</exception>
    public async Task<bool> CancelAsync(string id, string? reason = null, CancellationToken cancellationToken = default)
    {
        var path = $"api/jobs/{Uri.EscapeDataString(id)}/cancel" + (reason is null ? "" : "?reason=" + Uri.EscapeDataString(reason));
        using var request = Request(HttpMethod.Post, path);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Conflict)
        {
            return false;
        }

        await ReadAsync<JobAccepted>(response, cancellationToken).ConfigureAwait(false);
        return true;
    }

    /// <summary>
    /// Waits until the job or chain ends and returns its final state: follows its event stream (reconnecting with
    /// <c>Last-Event-ID</c> when it breaks) and, when the stream is not available, polls with a growing interval.
    /// </summary>
    /// <exception cref="MediaGenApiException">404: the caller has none with this id.</exception>
    public Task<JobState> WaitForCompletionAsync(string id, CancellationToken cancellationToken = default) =>
        WaitAsync(id, GetJobAsync, j => j.IsFinished, cancellationToken);

    /// <summary>Waits until the batch ends, as <see cref="WaitForCompletionAsync"/> does.</summary>
    public Task<BatchState> WaitForBatchAsync(string id, CancellationToken cancellationToken = default) =>
        WaitAsync(id, GetBatchAsync, b => b.IsFinished, cancellationToken);

    private async Task<TState> WaitAsync<TState>(
        string id, Func<string, CancellationToken, Task<TState?>> get, Func<TState, bool> isFinished, CancellationToken cancellationToken)
        where TState : class
    {
        string? lastEventId = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            using var request = Request(HttpMethod.Get, $"api/jobs/{Uri.EscapeDataString(id)}/events");
            if (lastEventId is not null)
            {
                request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException)
            {
                continue;
            }

            using (response)
            {
                if (response.StatusCode == HttpStatusCode.NotFound)
                {
                    await ReadAsync<TState>(response, cancellationToken).ConfigureAwait(false);
                }

                if (!response.IsSuccessStatusCode || response.Content.Headers.ContentType?.MediaType != "text/event-stream")
                {
                    break;
                }

                try
                {
                    var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                    await foreach (var item in SseParser.Create(stream).EnumerateAsync(cancellationToken).ConfigureAwait(false))
                    {
                        lastEventId = item.EventId;
                        if (item.EventType == "end" && JsonSerializer.Deserialize<TState>(item.Data, MediaGenJson.Options) is { } final)
                        {
                            return final;
                        }
                    }
                }
                catch (Exception ex) when (ex is HttpRequestException or IOException)
                {
                    // The stream broke off: reconnect with Last-Event-ID.
                }

                // Ended without an end event (already received before a reconnect, or cut off): the state says.
                if (await get(id, cancellationToken).ConfigureAwait(false) is { } state && isFinished(state))
                {
                    return state;
                }
            }
        }

        return await PollAsync(id, get, isFinished, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<TState> PollAsync<TState>(
        string id, Func<string, CancellationToken, Task<TState?>> get, Func<TState, bool> isFinished, CancellationToken cancellationToken)
        where TState : class
    {
        var delay = FirstPoll;
        while (true)
        {
            var state = await get(id, cancellationToken).ConfigureAwait(false)
                ?? throw new MediaGenApiException(HttpStatusCode.NotFound, "Not Found", $"No job, chain or batch has the id '{id}'.", null);
            if (isFinished(state))
            {
                return state;
            }

            await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
            delay = delay * 2 < SlowestPoll ? delay * 2 : SlowestPoll;
        }
    }

    private async Task<JobStart<TState>> StartAsync<TRequest, TState>(string path, TRequest body, TimeSpan? wait, CancellationToken cancellationToken)
        where TState : class
    {
        using var request = Request(HttpMethod.Post, path);
        request.Content = JsonContent.Create(body, options: MediaGenJson.Options);
        if (wait is { } w)
        {
            request.Headers.TryAddWithoutValidation("Prefer", "wait=" + ((int)Math.Ceiling(w.TotalSeconds)).ToString(CultureInfo.InvariantCulture));
        }

        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        TimeSpan? applied = response.Headers.TryGetValues("Preference-Applied", out var values)
            && values.FirstOrDefault()?.Split('=') is [_, var seconds] && int.TryParse(seconds, CultureInfo.InvariantCulture, out var s)
            ? TimeSpan.FromSeconds(s)
            : null;
        var json = await ReadAsync<JsonElement>(response, cancellationToken).ConfigureAwait(false);
        if (json.TryGetProperty("statusQueryGetUri", out _))
        {
            var accepted = json.Deserialize<JobAccepted>(MediaGenJson.Options)!;
            return new JobStart<TState>(accepted.Id, accepted.Created, accepted, null, applied);
        }

        var final = json.Deserialize<TState>(MediaGenJson.Options)!;
        return new JobStart<TState>(json.GetProperty("id").GetString()!, response.StatusCode == HttpStatusCode.Created, null, final, applied);
    }

    private async Task<T?> GetOrNullAsync<T>(string path, CancellationToken cancellationToken)
        where T : class
    {
        using var request = Request(HttpMethod.Get, path);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.StatusCode == HttpStatusCode.NotFound ? null : await ReadAsync<T>(response, cancellationToken).ConfigureAwait(false);
    }

    private HttpRequestMessage Request(HttpMethod method, string path)
    {
        var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        request.Headers.TryAddWithoutValidation(KeyHeader, _apiKey);
        return request;
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            JsonElement? problem = null;
            try
            {
                problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            }
            catch (JsonException)
            {
                // Not a ProblemDetails body: the status says enough.
            }

            throw new MediaGenApiException(response.StatusCode, Text(problem, "title") ?? response.ReasonPhrase, Text(problem, "detail"), problem);
        }

        return (await response.Content.ReadFromJsonAsync<T>(MediaGenJson.Options, cancellationToken).ConfigureAwait(false))!;
    }

    private static string? Text(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string QueryString(JobListQuery query, string? continuationToken)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value));
            }
        }

        Add("status", query.Statuses is { Count: > 0 } s ? string.Join(',', s) : null);
        Add("kind", query.Kinds is { Count: > 0 } k ? string.Join(',', k.Select(WireName)) : null);
        Add("provider", query.Providers is { Count: > 0 } p ? string.Join(',', p.Select(WireName)) : null);
        Add("createdFrom", query.CreatedFrom?.ToString("O", CultureInfo.InvariantCulture));
        Add("createdTo", query.CreatedTo?.ToString("O", CultureInfo.InvariantCulture));
        Add("q", query.Search);
        Add("caller", query.Caller);
        Add("pageSize", query.PageSize?.ToString(CultureInfo.InvariantCulture));
        Add("continuationToken", continuationToken);
        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static string WireName<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonSerializer.Serialize(value, MediaGenJson.Options).Trim('"');
}
