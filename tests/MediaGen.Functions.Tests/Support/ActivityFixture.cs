using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;
using Microsoft.DurableTask.Worker;

namespace MediaGen.Functions.Tests.Support;

/// <summary>The Functions app's services over Azurite (in memory), the provider simulator and a loopback callback receiver.</summary>
public sealed class ActivityFixture : IAsyncLifetime
{
    private readonly SimulatorFixture _simulator = new();
    private AzuriteInstance? _azurite;
    private LoopbackHttpServer? _receiver;
    private IHost? _app;

    /// <summary>The app's root services.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Not started.");

    /// <summary>The Azurite connection string.</summary>
    public string StorageConnectionString => _azurite?.ConnectionString ?? throw new InvalidOperationException("Not started.");

    /// <summary>Where callbacks are received.</summary>
    public Uri ReceiverAddress => _receiver?.BaseAddress ?? throw new InvalidOperationException("Not started.");

    /// <summary>Callback bodies received, with their delivery id header.</summary>
    public ConcurrentQueue<(string Delivery, string Body)> Callbacks { get; } = new();

    /// <summary>
    /// Converts <paramref name="json"/> to <paramref name="type"/> as the Durable extension's activity input converter does:
    /// with the worker's <c>DataConverter</c>.
    /// </summary>
    public object? ConvertActivityInput(string json, Type type) =>
        Services.GetRequiredService<IOptions<DurableTaskWorkerOptions>>().Value.DataConverter.Deserialize(json, type);

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _azurite = await AzuriteInstance.StartAsync(inMemory: true);
        await _simulator.InitializeAsync();
        _receiver = await LoopbackHttpServer.StartAsync(ReceiveAsync);
        var sim = _simulator.BaseAddress.ToString();
        _app = FunctionsApp.Build(new Dictionary<string, string?>(SimulatorFixture.ProviderSettings(sim))
        {
            ["AzureWebJobsStorage"] = _azurite.ConnectionString,
            ["Callbacks:SigningKey"] = MediaGen.Testing.ReceivedWebhook.NewSecret(),
        });
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _app?.Dispose();
        if (_receiver is not null)
        {
            await _receiver.DisposeAsync();
        }

        await _simulator.DisposeAsync();
        if (_azurite is not null)
        {
            await _azurite.DisposeAsync();
        }
    }

    private async Task ReceiveAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        Callbacks.Enqueue((context.Request.Headers["webhook-id"].ToString(), await reader.ReadToEndAsync()));
        context.Response.StatusCode = StatusCodes.Status200OK;
    }
}
