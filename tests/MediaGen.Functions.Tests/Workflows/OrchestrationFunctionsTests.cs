using System.Text;
using MediaGen.Core.Jobs;
using MediaGen.Core.Providers;
using MediaGen.Workflows.Activities;
using MediaGen.Workflows.Orchestrations;
using MediaGen.Workflows.Payloads;
using P = Microsoft.DurableTask.Protobuf;

namespace MediaGen.Functions.Tests.Workflows;

/// <summary>
/// Each orchestration function run through the Durable extension's isolated-worker orchestration runner
/// (<c>GrpcOrchestrationRunner.LoadAndRun</c>, the call its <c>DurableFunctionExecutor</c> makes) with the app's services, on
/// the input the real job service stored: proves the input reaches the function typed (enums included) through the
/// extension's data converter, that the function runs the orchestrator its name says, and what it asks for first.
/// </summary>
public sealed class OrchestrationFunctionsTests(JobServiceFixture fixture) : IClassFixture<JobServiceFixture>
{
    [Fact]
    public async Task PixazoGeneration_InputFromJobService_SchedulesSubmitOfTheRequest()
    {
        var started = await fixture.StartAsync(jobs => jobs.StartJobAsync(Json("""{"kind":"image","provider":"pixazo","params":{"prompt":"a heron at dawn"}}""")));

        var response = Run(started);

        Assert.Equal(nameof(PixazoGenerationOrchestrator), started.Name);
        var submit = Single(response, P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask).ScheduleTask;
        Assert.Equal(nameof(PixazoSubmitActivity), submit.Name);
        var submitted = ActivityInput<PixazoSubmitInput>(submit.Input);
        Assert.Equal(ProviderName.Pixazo, submitted.Request.Provider);
        Assert.Equal(JobKind.Image, submitted.Request.Kind);
        Assert.Equal("a heron at dawn", submitted.Request.Params.GetProperty("prompt").GetString());
        AssertDeadlineWithoutTimer(response, started.Input);
    }

    [Fact]
    public async Task SyncGeneration_InputFromJobService_SchedulesGenerateOfTheRequest()
    {
        var started = await fixture.StartAsync(jobs => jobs.StartJobAsync(Json("""{"kind":"image","provider":"cosmic","params":{"prompt":"a red kite"},"output":{"folder":"kites"}}""")));

        var response = Run(started);

        Assert.Equal(nameof(SyncGenerationOrchestrator), started.Name);
        var generate = Single(response, P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask).ScheduleTask;
        Assert.Equal(nameof(GenerateActivity), generate.Name);
        var request = ActivityInput<GenerateInput>(generate.Input).Request;
        Assert.Equal((ProviderName.Cosmic, JobKind.Image, "kites"), (request.Provider, request.Kind, request.Output?.Folder));
        AssertDeadlineWithoutTimer(response, started.Input);
    }

    [Fact]
    public async Task Batch_InputFromJobService_StartsItsChunkWithEveryItem()
    {
        var started = await fixture.StartAsync(jobs => jobs.StartBatchAsync(Json("""
            {"items":[
              {"kind":"image","provider":"cosmic","params":{"prompt":"batch one"}},
              {"kind":"image","provider":"comet","params":{"prompt":"batch two"}},
              {"kind":"image","provider":"pixazo","params":{"prompt":"batch three"}}
            ]}
            """)));

        var response = Run(started);

        Assert.Equal(nameof(BatchOrchestrator), started.Name);
        var chunk = Single(response, P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateSubOrchestration).CreateSubOrchestration;
        Assert.Equal(nameof(BatchChunkOrchestrator), chunk.Name);
        var chunkInput = Deserialize<BatchChunkInput>(chunk.Input);
        Assert.Equal([ProviderName.Cosmic, ProviderName.Comet, ProviderName.Pixazo], chunkInput.Items.Select(i => i.Request.Provider));
        Assert.All(chunkInput.Items, item => Assert.False(item.Notify));
    }

    [Fact]
    public async Task BatchChunk_InputFromBatch_StartsEachItemOnItsOrchestrator()
    {
        var started = await fixture.StartAsync(jobs => jobs.StartBatchAsync(Json("""
            {"items":[
              {"kind":"image","provider":"cosmic","params":{"prompt":"chunk one"}},
              {"kind":"image","provider":"pixazo","params":{"prompt":"chunk two"}}
            ]}
            """)));
        var chunk = Single(Run(started), P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateSubOrchestration).CreateSubOrchestration;

        var response = Run(started with { Id = chunk.InstanceId, Name = chunk.Name, Input = chunk.Input });

        var items = response.Actions.Select(a => a.CreateSubOrchestration).Where(a => a is not null).ToList();
        Assert.Equal([nameof(SyncGenerationOrchestrator), nameof(PixazoGenerationOrchestrator)], items.Select(i => i.Name));
        Assert.Equal([$"{started.Id}.0000", $"{started.Id}.0001"], items.Select(i => i.InstanceId));
        Assert.Equal("chunk two", Deserialize<JobInput>(items[1].Input).Request.Params.GetProperty("prompt").GetString());
    }

    [Fact]
    public async Task Chain_InputFromJobService_SchedulesTheFirstVideo()
    {
        var started = await fixture.StartAsync(jobs => jobs.StartChainAsync(Json("""{"initial":{"prompt":"a kite"},"prompts":["higher","into the clouds"]}""")));

        var response = Run(started);

        Assert.Equal(nameof(ChainOrchestrator), started.Name);
        var generate = Single(response, P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask).ScheduleTask;
        Assert.Equal(nameof(GenerateActivity), generate.Name);
        var request = ActivityInput<GenerateInput>(generate.Input).Request;
        Assert.Equal((ProviderName.Cosmic, JobKind.Video, "a kite"), (request.Provider, request.Kind, request.Params.GetProperty("prompt").GetString()));
    }

    [Fact]
    public async Task SyncGeneration_RetryableFailureAsData_RetriesAfterItsRetryAfter()
    {
        var (first, actions, generate, at) = await FirstSyncEpisodeAsync("retry me");
        var failed = GenerateOutput.Failed(new StepFailure("rate_limited", "slow down", Retryable: true, RetryAfter: TimeSpan.FromSeconds(7), HttpStatus: 429));

        var response = Run(first, actions, at, Completed(generate, failed));

        // The decision came from the StepFailure in the result JSON: a timer for the Retry-After, nothing else yet.
        var retry = Single(response, P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer).CreateTimer;
        Assert.Equal(at.AddSeconds(7), retry.FireAt.ToDateTime());
        Assert.DoesNotContain(response.Actions, a => a.ScheduleTask is not null);
    }

    [Fact]
    public async Task SyncGeneration_NonRetryableFailureAsData_FailsWithoutRetrying()
    {
        var (first, actions, generate, at) = await FirstSyncEpisodeAsync("refuse me");
        var failed = GenerateOutput.Failed(new StepFailure("content_policy", "refused", Retryable: false, HttpStatus: 400));

        var response = Run(first, actions, at, Completed(generate, failed));

        var publish = Single(response, P.OrchestratorAction.OrchestratorActionTypeOneofCase.ScheduleTask).ScheduleTask;
        Assert.Equal(nameof(PublishResultActivity), publish.Name);
        var notification = ActivityInput<PublishInput>(publish.Input).Notification;
        Assert.Equal((JobStatus.Failed, "content_policy"), (notification.Status, notification.Error?.Type));
    }

    [Fact]
    public async Task GetInputPath_WorkerDefaultJson_CannotReadTheJobServiceInput()
    {
        // Why the functions take the input as a typed parameter: without one, the extension hands the input over as a
        // JsonElement and FunctionsOrchestrationContext.GetInput<T>() reads it with the worker's default
        // IOptions<JsonSerializerOptions>, not the pinned serializer.
        var started = await fixture.StartAsync(jobs => jobs.StartJobAsync(Json("""{"kind":"image","provider":"pixazo","params":{"prompt":"default json"}}""")));
        var defaults = fixture.Services.GetRequiredService<IOptions<JsonSerializerOptions>>().Value;

        Assert.ThrowsAny<JsonException>(() => JsonSerializer.Deserialize<JobInput>(started.Input, defaults));
    }

    private P.OrchestratorResponse Run(StartedInstance instance)
    {
        var request = OrchestratorRuns.FirstEpisode(instance.Name, instance.Id, instance.Input, instance.CreatedAt);
        var response = OrchestratorRuns.Run(request, OrchestrationFunction.Named(instance.Name, fixture.Services), fixture.Services);
        var input = OrchestrationFunction.Named(instance.Name, fixture.Services).InputType;
        Assert.Equal(instance.Input, JsonSerializer.Serialize(JsonSerializer.Deserialize(instance.Input, input, WorkflowJson.Options), input, WorkflowJson.Options));
        Assert.DoesNotContain(response.Actions, a => a.CompleteOrchestration is not null);
        return response;
    }

    private async Task<(string First, IReadOnlyList<P.OrchestratorAction> Actions, P.OrchestratorAction Generate, DateTime At)> FirstSyncEpisodeAsync(string prompt)
    {
        var started = await fixture.StartAsync(jobs => jobs.StartJobAsync(Json($$$"""{"kind":"image","provider":"cosmic","params":{"prompt":"{{{prompt}}}"}}""")));
        var first = OrchestratorRuns.FirstEpisode(started.Name, started.Id, started.Input, started.CreatedAt);
        var actions = Run(started).Actions.ToList();
        var generate = actions.Single(a => a.ScheduleTask?.Name == nameof(GenerateActivity));
        return (first, actions, generate, started.CreatedAt.AddSeconds(3));
    }

    private P.OrchestratorResponse Run(string first, IReadOnlyList<P.OrchestratorAction> actions, DateTime at, P.HistoryEvent completed)
    {
        var response = OrchestratorRuns.Run(
            OrchestratorRuns.NextEpisode(first, actions, at, completed), OrchestrationFunction.Named(nameof(SyncGenerationOrchestrator), fixture.Services), fixture.Services);
        Assert.DoesNotContain(response.Actions, a => a.CompleteOrchestration is { OrchestrationStatus: not P.OrchestrationStatus.Completed });
        return response;
    }

    /// <summary>The activity's completion as the host records it: its result written by the worker's serializer.</summary>
    private P.HistoryEvent Completed(P.OrchestratorAction scheduled, object result) => new()
    {
        EventId = -1,
        Timestamp = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(DateTime.UtcNow),
        TaskCompleted = new P.TaskCompletedEvent
        {
            TaskScheduledId = scheduled.Id,
            Result = fixture.Services.GetRequiredService<IOptions<Microsoft.DurableTask.Worker.DurableTaskWorkerOptions>>().Value.DataConverter.Serialize(result),
        },
    };

    private static P.OrchestratorAction Single(P.OrchestratorResponse response, P.OrchestratorAction.OrchestratorActionTypeOneofCase kind) =>
        Assert.Single(response.Actions, a => a.OrchestratorActionTypeCase == kind);

    private static void AssertDeadlineWithoutTimer(P.OrchestratorResponse response, string input)
    {
        // The job service gives every job a deadline; the orchestration checks it at each step and creates no timer for it
        // (a timer cannot be taken back, so each job that ended first would leave one behind).
        Assert.NotNull(Deserialize<JobInput>(input).Deadline);
        Assert.DoesNotContain(response.Actions, a => a.OrchestratorActionTypeCase == P.OrchestratorAction.OrchestratorActionTypeOneofCase.CreateTimer);
    }

    private static T Deserialize<T>(string json)
    {
        // Written in WorkflowJson's form exactly (what the standalone engine writes and reads), not merely readable by it.
        var value = JsonSerializer.Deserialize<T>(json, WorkflowJson.Options)!;
        Assert.Equal(json, JsonSerializer.Serialize(value, WorkflowJson.Options));
        return value;
    }

    private static T ActivityInput<T>(string json) => Deserialize<T>(OrchestratorRuns.ActivityInputJson(json));

    private static ReadOnlyMemory<byte> Json(string json) => Encoding.UTF8.GetBytes(json);
}
