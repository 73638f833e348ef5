using MediaGen.Core.Jobs;
using MediaGen.Api.Jobs;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace MediaGen.Host.Tests.Support;

/// <summary>The real standalone host (Program) on Kestrel at 127.0.0.1:<c>port</c>, with the durable worker and the listeners running.</summary>
public sealed class TestHost : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private readonly Action<IServiceCollection>? _configureServices;

    public TestHost(IReadOnlyDictionary<string, string?> settings, int port, HostNames names, Action<IServiceCollection>? configureServices = null)
    {
        _configureServices = configureServices;
        _settings = settings;
        Names = names;
        BaseAddress = new Uri($"http://127.0.0.1:{port}/");
        // An explicit endpoint, not UseKestrel(port): that overload rewrites IServerAddressesFeature after the app has
        // started binding on its own thread, and on a loaded machine Kestrel sometimes won the race ("Addresses cannot
        // be modified after the server has started", dotnet/aspnetcore#67714).
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
    }

    public HostNames Names { get; }

    public Uri BaseAddress { get; }

    /// <summary>A client sending the API key.</summary>
    public HttpClient Api { get; private set; } = null!;

    /// <summary>A client sending no key.</summary>
    public HttpClient Anonymous { get; private set; } = null!;

    public QueueServiceClient Queues { get; private set; } = null!;

    public BlobServiceClient Blobs { get; private set; } = null!;

    public Task StartAsync()
    {
        StartServer();
        Anonymous = new HttpClient { BaseAddress = BaseAddress };
        Api = new HttpClient { BaseAddress = BaseAddress };
        Api.DefaultRequestHeaders.Add("x-functions-key", HostEnvironment.ApiKey);
        var connection = _settings["AzureWebJobsStorage"]!;
        Queues = new QueueServiceClient(connection);
        Blobs = new BlobServiceClient(connection);
        return Task.CompletedTask;
    }

    /// <summary>A new client sending <paramref name="key"/> (another caller's, <c>Api__Keys__&lt;caller&gt;</c>); the caller disposes it.</summary>
    public HttpClient ClientWithKey(string key)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Add("x-functions-key", key);
        return client;
    }

    /// <summary>The id of the job a queue message (without an idempotency key) starts when the intake caller is the default one.</summary>
    public static string IntakeId(string messageId) => JobIds.OfQueueMessage(JobOwner.DefaultCaller, messageId);

    /// <summary>The id of the job an inbox blob starts: the intake caller's prefix + <see cref="MediaGen.Api.Triggers.InboxJobFactory.InstanceId"/>.</summary>
    public static string InboxId(string instanceId) => JobOwner.PrefixOf(JobOwner.DefaultCaller) + instanceId;

    /// <summary>POSTs <paramref name="json"/> with the API key.</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string path, string json) =>
        Api.PostAsync(new Uri(path, UriKind.Relative), new StringContent(json, Encoding.UTF8, "application/json"));

    /// <summary>Starts a job and returns the 202/200 body.</summary>
    public async Task<JobAccepted> StartJobAsync(string json, string path = "/api/jobs")
    {
        using var response = await PostJsonAsync(path, json);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{path} answered {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<JobAccepted>(body, JobJson.Options)!;
    }

    /// <summary>GET /api/jobs/{id} with <paramref name="client"/>'s key (<see cref="Api"/>'s by default), or null on 404.</summary>
    public async Task<JobState?> GetJobAsync(string id, HttpClient? client = null)
    {
        using var response = await (client ?? Api).GetAsync(new Uri($"/api/jobs/{Uri.EscapeDataString(id)}", UriKind.Relative));
        return response.StatusCode == System.Net.HttpStatusCode.NotFound
            ? null
            : await response.EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JobState>(JobJson.Options);
    }

    /// <summary>Polls the job (with <paramref name="client"/>'s key, <see cref="Api"/>'s by default) until <paramref name="condition"/> holds (a bound, not a timing assertion).</summary>
    public async Task<JobState> WaitForJobAsync(string id, Func<JobState, bool>? condition = null, HttpClient? client = null)
    {
        condition ??= job => job.Status is JobStatus.Completed or JobStatus.Failed or JobStatus.Canceled;
        JobState? last = null;
        try
        {
            return await Waits.ForAsync(async () => (last = await GetJobAsync(id, client)) is { } job && condition(job) ? job : null, $"job {id}");
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Job {id} did not reach the expected state; last: {JsonSerializer.Serialize(last, JobJson.Options)}", e);
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (_configureServices is not null)
        {
            builder.ConfigureServices(_configureServices);
        }
    }

    public override async ValueTask DisposeAsync()
    {
        Api?.Dispose();
        Anonymous?.Dispose();
        await base.DisposeAsync();
    }
}
