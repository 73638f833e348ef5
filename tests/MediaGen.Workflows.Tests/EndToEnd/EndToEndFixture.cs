using System.Collections.Concurrent;
using Azure.Storage.Queues;
using MediaGen.Launcher;
using MediaGen.Engine;
using MediaGen.Workflows.Budgets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaGen.Workflows.Tests.EndToEnd;

/// <summary>
/// A private Azurite, the provider simulator, a loopback "gateway" (the Pixazo webhook route the HTTP layer will map,
/// and a callback receiver), and a host running the real workflows and activities on the standalone engine (DurableTask.Core
/// on its Azure Storage backend).
/// </summary>
public sealed class EndToEndFixture : IAsyncLifetime
{
    public const string WebhookKey = "e2e-webhook-key";
    public static readonly string CallbackKey = ReceivedWebhook.NewSecret();

    private readonly SimulatorFixture _simulator = new();
    private AzuriteInstance? _azurite;
    private LoopbackHttpServer? _gateway;
    private IHost? _host;

    public SimulatorFixture Simulator => _simulator;

    public IServiceProvider Services => _host!.Services;

    /// <summary>Starts jobs, batches and chains.</summary>
    public JobStarter Starter => Services.GetRequiredService<JobStarter>();

    /// <summary>Reads jobs, batches and chains.</summary>
    public JobReader Reader => Services.GetRequiredService<JobReader>();

    /// <summary>Cancels, re-runs and purges.</summary>
    public JobCommands Commands => Services.GetRequiredService<JobCommands>();

    /// <summary>Pixazo's webhook receiver, on the engine's client.</summary>
    public PixazoWebhookReceiver Webhooks => Services.GetRequiredService<PixazoWebhookReceiver>();

    /// <summary>The budgets.</summary>
    public BudgetLedger Budgets => Services.GetRequiredService<BudgetLedger>();

    public DurableTaskClient Client => Services.GetRequiredService<DurableTaskClient>();

    public BlobServiceClient Blobs => Services.GetRequiredService<BlobServiceClient>();

    public QueueServiceClient Queues => Services.GetRequiredService<QueueServiceClient>();

    /// <summary>The live workflow settings: a change applies to jobs started afterwards (tests of one collection run one by one).</summary>
    public WorkflowOptions Workflows => Services.GetRequiredService<IOptions<WorkflowOptions>>().Value;

    public Uri GatewayAddress => _gateway!.BaseAddress;

    /// <summary>Every callback the receiver got: (path, delivery id, timestamp, signature, body).</summary>
    public ConcurrentQueue<ReceivedCallback> Callbacks { get; } = new();

    /// <summary>How many of the next callbacks the receiver answers with 500.</summary>
    public int CallbackFailuresLeft;

    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync(inMemory: true);
        await _simulator.InitializeAsync();
        _gateway = await LoopbackHttpServer.StartAsync(HandleAsync);
        var sim = _simulator.BaseAddress.ToString();
        // No client-side provider retries (ProviderSettings): 429s reach the orchestration, which waits the Retry-After on
        // a durable timer.
        var settings = new Dictionary<string, string?>(SimulatorFixture.ProviderSettings(sim))
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Workflows:PublicBaseUrl"] = _gateway.BaseAddress.ToString(),
            ["Workflows:WebhookSigningKey"] = WebhookKey,
            ["Workflows:PollInitialInterval"] = "00:00:01",
            ["Workflows:PollMaxInterval"] = "00:00:02",
            ["Workflows:ProviderRetryInterval"] = "00:00:01",
            ["Workflows:CopyRetryInterval"] = "00:00:01",
            ["Callbacks:SigningKey"] = CallbackKey,
            ["Callbacks:FirstRetryInterval"] = "00:00:01",
            ["Callbacks:MaxRetryInterval"] = "00:00:02",
            ["DurableTask:HubName"] = "e2e" + Guid.NewGuid().ToString("N")[..10],
            ["DurableTask:PartitionCount"] = "2",
            // CometAPI prices are configuration (the document has none); budgets bind only the callers the cost tests use.
            ["Costs:CometImagePrices"] = "dall-e-3=0.04",
            ["Budgets:Callers:e2e-tight:DailyUsd"] = "0.05",
            ["Budgets:Callers:e2e-abandon:DailyUsd"] = "0.05",
            ["Budgets:Callers:e2e-release:DailyTokens"] = "40000",
            ["Budgets:Callers:e2e-release:DailyUsd"] = "1",
            ["Budgets:Callers:e2e-batch:MonthlyUsd"] = "1",
            ["Budgets:Callers:e2e-batch:MonthlyTokens"] = "1000000",
            ["Budgets:Callers:e2e-chain:DailyTokens"] = "1000000",
            ["Budgets:Callers:e2e-failover:DailyTokens"] = "40000",
            ["Budgets:Callers:e2e-failover:DailyUsd"] = "1",
            ["DurableTask:MaxQueuePollingInterval"] = "00:00:00.100",
        };

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddMediaGenProviders(builder.Configuration);
        builder.Services.AddMediaStore(builder.Configuration);
        builder.Services.AddMediaGenWorkflows(builder.Configuration);
        builder.Services.AddMediaGenJobServices();
        builder.Services.AddDurableEngine(builder.Configuration, engine =>
        {
            foreach (var type in WorkflowCatalog.Orchestrators)
            {
                engine.AddOrchestrator(type);
            }

            foreach (var type in WorkflowCatalog.Activities)
            {
                engine.AddActivity(type);
            }
        });
        _host = builder.Build();
        await _host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _host.StopAsync(timeout.Token);
            _host.Dispose();
        }

        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        await _simulator.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    /// <summary>Waits for the instance to finish (the client's own wait; bounded).</summary>
    public async Task<OrchestrationMetadata> CompleteAsync(string id)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        return await Client.WaitForInstanceCompletionAsync(id, true, timeout.Token);
    }

    /// <summary>Waits until the job's state satisfies <paramref name="condition"/>.</summary>
    public async Task<JobState> WaitForAsync(string id, Func<JobState, bool> condition)
    {
        return await Waits.ForAsync(
            async token => await Reader.GetJobAsync(id, JobAccess.Everything, token) is { } job && condition(job) ? job : null, $"job {id}");
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var segments = context.Request.Path.Value!.Trim('/').Split('/');
        if (segments is ["api", "webhooks", "pixazo", var jobId] && HttpMethods.IsPost(context.Request.Method))
        {
            // What the HTTP layer (#6) does with the route this workflow hands to Pixazo.
            var result = await Webhooks.ReceiveAsync(Uri.UnescapeDataString(jobId), context.Request.Query["secret"], buffer.ToArray());
            context.Response.StatusCode = result switch
            {
                PixazoWebhookResult.Accepted => 200,
                PixazoWebhookResult.InvalidSecret => 401,
                PixazoWebhookResult.UnknownJob => 404,
                _ => 400,
            };
            return;
        }

        if (segments is ["callbacks", ..])
        {
            Callbacks.Enqueue(new ReceivedCallback(context.Request.Path, ReceivedWebhook.From(context.Request.Headers, buffer.ToArray())));
            context.Response.StatusCode = Interlocked.Decrement(ref CallbackFailuresLeft) >= 0 ? 500 : 204;
            return;
        }

        context.Response.StatusCode = 404;
    }

    public sealed record ReceivedCallback(string Path, ReceivedWebhook Webhook);
}
