using DurableTask.Core.Exceptions;
using Grpc.Core;

namespace MediaGen.Workflows.Tests.Unit;

/// <summary>
/// The job service's handling of a client's refusals in the races they mark (the instance ended or vanished between the
/// job service's read and its call; another start of the same id won), with each client's exception: the standalone
/// engine's (as Durable Functions' in-process client: <see cref="ArgumentException"/>, <see cref="InvalidOperationException"/>,
/// DTFx's <see cref="OrchestrationAlreadyExistsException"/>) and the isolated worker's gRPC client under Functions
/// (<see cref="RpcException"/> with the Durable extension's status codes, as its <c>TaskHubGrpcServer</c> 3.18 sets them).
/// </summary>
public sealed class JobServicesClientErrorsTests : IDisposable
{
    private const string Id = "job-raced";

    private readonly ServiceProvider _services;
    private readonly ScriptedDurableTaskClient _client = new();
    private readonly JobStarter _starter;
    private readonly JobReader _reader;
    private readonly JobCommands _commands;

    public JobServicesClientErrorsTests()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["Workflows:PublicBaseUrl"] = "https://mediagen.test",
            ["Workflows:WebhookSigningKey"] = WorkflowTestHost.WebhookKey,
        }).Build();
        _services = new ServiceCollection().AddLogging().AddMediaStore(configuration).AddMediaGenWorkflows(configuration).BuildServiceProvider();
        _starter = StarterOver(_client);
        _reader = new JobReader(_client);
        _commands = ActivatorUtilities.CreateInstance<JobCommands>(_services, _client, _starter);
    }

    public static TheoryData<Exception> EndedMeanwhile => new()
    {
        new InvalidOperationException($"Cannot raise event Cancel for orchestration instance {Id} because instance is in Completed state."),
        new RpcException(new Status(StatusCode.FailedPrecondition, "The orchestration instance with the provided instance id is not running.")),
    };

    public static TheoryData<Exception> VanishedMeanwhile => new()
    {
        new ArgumentException($"No instance with ID '{Id}' was found.", "instanceId"),
        new RpcException(new Status(StatusCode.NotFound, $"No instance with ID '{Id}' was found.")),
    };

    public static TheoryData<Exception> StartedMeanwhile => new()
    {
        // Both clients throw DTFx's exception (the gRPC client converts AlreadyExists); a raw status is handled alike.
        new OrchestrationAlreadyExistsException($"Orchestration instance '{Id}' already exists."),
        new RpcException(new Status(StatusCode.AlreadyExists, $"An Orchestration instance with the ID {Id} already exists.")),
    };

    [Theory]
    [MemberData(nameof(EndedMeanwhile))]
    public async Task CancelJob_RaiseRefusedBecauseTheJobEndedMeanwhile_AlreadyFinished(Exception refusal)
    {
        _client.ReadsOf(Id, ScriptedDurableTaskClient.Job(Id, OrchestrationRuntimeStatus.Running), ScriptedDurableTaskClient.Job(Id, OrchestrationRuntimeStatus.Completed));
        _client.RaiseFailure = refusal;

        Assert.Equal(JobCancelResult.AlreadyFinished, await _commands.CancelJobAsync(Id, JobAccess.Everything));
    }

    [Theory]
    [MemberData(nameof(VanishedMeanwhile))]
    public async Task CancelJob_RaiseRefusedBecauseTheJobVanishedMeanwhile_NotFound(Exception refusal)
    {
        _client.ReadsOf(Id, ScriptedDurableTaskClient.Job(Id, OrchestrationRuntimeStatus.Running), null);
        _client.RaiseFailure = refusal;

        Assert.Equal(JobCancelResult.NotFound, await _commands.CancelJobAsync(Id, JobAccess.Everything));
    }

    [Theory]
    [MemberData(nameof(EndedMeanwhile))]
    public async Task CancelJob_RefusalButTheJobStillRuns_RefusalIsThrown(Exception refusal)
    {
        _client.ReadsOf(Id, ScriptedDurableTaskClient.Job(Id, OrchestrationRuntimeStatus.Running));
        _client.RaiseFailure = refusal;

        Assert.Same(refusal, await Assert.ThrowsAnyAsync<Exception>(() => _commands.CancelJobAsync(Id, JobAccess.Everything)));
    }

    [Fact]
    public async Task CancelJob_FunctionsClientUnavailable_ThrowsItWithoutReadingAgain()
    {
        _client.ReadsOf(Id, ScriptedDurableTaskClient.Job(Id, OrchestrationRuntimeStatus.Running));
        var unavailable = new RpcException(new Status(StatusCode.Unavailable, "The Durable extension's gRPC endpoint is not listening."));
        _client.RaiseFailure = unavailable;

        Assert.Same(unavailable, await Assert.ThrowsAsync<RpcException>(() => _commands.CancelJobAsync(Id, JobAccess.Everything)));
        Assert.Equal(1, _client.Reads);
    }

    [Fact]
    public async Task CancelJob_FunctionsClientCallCanceled_ThrowsOperationCanceled()
    {
        using var canceled = new CancellationTokenSource();
        _client.ReadsOf(Id, ScriptedDurableTaskClient.Job(Id, OrchestrationRuntimeStatus.Running));
        _client.RaiseFailure = new RpcException(new Status(StatusCode.Cancelled, "Call canceled by the client."));
        await canceled.CancelAsync();

        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _commands.CancelJobAsync(Id, JobAccess.Everything, null, canceled.Token));

        Assert.Equal(canceled.Token, error.CancellationToken);
        Assert.IsType<RpcException>(error.InnerException);
    }

    [Fact]
    public async Task StartJob_NewJob_ReadsTheInstanceOnce()
    {
        var started = await _starter.StartJobAsync(Requests.CosmicImage(idempotencyKey: "read-once"));

        Assert.False(started.AlreadyExisted);
        Assert.Equal(1, _client.Reads);
    }

    [Theory]
    [MemberData(nameof(StartedMeanwhile))]
    public async Task StartJob_ScheduleRefusedBecauseAnotherStartWon_AlreadyExisted(Exception refusal)
    {
        var request = Requests.CosmicImage(idempotencyKey: "raced-" + refusal.GetType().Name);
        var id = await JobIdOfAsync(request);
        _client.ReadsOf(id, null, ScriptedDurableTaskClient.Job(id, OrchestrationRuntimeStatus.Pending));
        _client.StartFailure = refusal;

        var started = await _starter.StartJobAsync(request);

        Assert.Equal((id, true), (started.Id, started.AlreadyExisted));
    }

    [Theory]
    [MemberData(nameof(StartedMeanwhile))]
    public async Task StartJob_ScheduleRefusedAndNoInstanceExists_RefusalIsThrown(Exception refusal)
    {
        _client.StartFailure = refusal;

        Assert.Same(refusal, await Assert.ThrowsAnyAsync<Exception>(() => _starter.StartJobAsync(Requests.CosmicImage(idempotencyKey: "lost-" + refusal.GetType().Name))));
    }

    [Theory]
    [MemberData(nameof(VanishedMeanwhile))]
    public async Task GetJobDetails_HistoryReadRefusedBecauseTheJobWasPurgedMeanwhile_IsNull(Exception refusal)
    {
        _client.ReadsOf(Id, ScriptedDurableTaskClient.Job(Id, OrchestrationRuntimeStatus.Running));
        // Functions' gRPC client turns the extension's NotFound into an ArgumentException for this call; a raw one is handled alike.
        _client.HistoryFailure = refusal;

        Assert.Null(await _reader.GetJobDetailsAsync(Id, JobAccess.Everything));
    }

    public void Dispose() => _services.Dispose();

    /// <summary>The id a start of <paramref name="request"/> gets (from its idempotency key), learnt from a start that succeeds.</summary>
    private async Task<string> JobIdOfAsync(JobRequest request) =>
        (await StarterOver(new ScriptedDurableTaskClient()).StartJobAsync(request)).Id;

    private JobStarter StarterOver(DurableTaskClient client) =>
        ActivatorUtilities.CreateInstance<JobStarter>(_services, ActivatorUtilities.CreateInstance<InstanceStarter>(_services, client));
}
