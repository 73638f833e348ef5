using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Testing;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// The Functions app's services (built as <c>Program.cs</c> builds them) and a job service made by the app's
/// <see cref="JobServiceFactory"/> over a real <see cref="DurableTaskClient"/> (Microsoft.DurableTask's in-process test
/// host, an in-memory backend) that serializes with the <c>DataConverter</c> the app gives its <c>[DurableClient]</c>
/// clients. No orchestrator is registered on that backend: instances are only started and read back.
/// </summary>
public sealed class JobServiceFixture : IAsyncLifetime
{
    private IHost? _app;
    private DurableTaskTestHost? _durable;

    /// <summary>The app's root services.</summary>
    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("Not started.");

    /// <summary>The client the job service uses.</summary>
    public DurableTaskClient Client => _durable?.Client ?? throw new InvalidOperationException("Not started.");

    /// <summary>The job starter, as an HTTP, queue or blob function builds it.</summary>
    public JobStarter Starter { get; private set; } = null!;

    /// <summary>Starts a job, batch or chain and returns the orchestrator name, the input JSON the client stored and the creation time.</summary>
    public async Task<StartedInstance> StartAsync(Func<JobStarter, Task<Core.Jobs.JobStartResult>> start)
    {
        var started = await start(Starter);
        var instance = await Client.GetInstanceAsync(started.Id, getInputsAndOutputs: true);
        Assert.NotNull(instance);
        return new StartedInstance(started.Id, instance.Name, instance.SerializedInput!, instance.CreatedAt.UtcDateTime);
    }

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _app = FunctionsApp.Build();
        var converter = _app.Services.GetRequiredService<IOptions<DurableTaskClientOptions>>().Value.DataConverter;
        _durable = await DurableTaskTestHost.StartAsync(
            _ => { },
            new DurableTaskTestHostOptions { ConfigureServices = services => services.ConfigureAll<DurableTaskClientOptions>(o => o.DataConverter = converter) });
        Starter = _app.Services.GetRequiredService<JobServiceFactory>().Create<JobStarter>(_durable.Client);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_durable is not null)
        {
            await _durable.DisposeAsync();
        }

        _app?.Dispose();
    }
}
