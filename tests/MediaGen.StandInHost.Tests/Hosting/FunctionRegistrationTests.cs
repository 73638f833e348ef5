using Azure.Storage.Queues;
using Google.Protobuf;
using Grpc.Net.Client;
using Microsoft.Azure.WebJobs;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Client.Grpc;
using Microsoft.Extensions.Logging.Abstractions;
using P = Microsoft.DurableTask.Protobuf;

namespace MediaGen.StandInHost.Tests.Hosting;

/// <summary>
/// Every function of the app's metadata is registered in the WebJobs host with its real trigger: the real extensions'
/// listeners fire the generated functions, which hand the invocation to the worker side (a scripted worker here) and give
/// its answer back to the extension — orchestrations and activities through the Durable extension's out-of-process
/// protocol, queue messages through the Storage extension (retries, then the poison queue).
/// </summary>
public sealed class FunctionRegistrationTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Start_AppFunctions_CreatesTheTaskHubAndOpensTheWorkersGrpcEndpoint()
    {
        using var settings = RunSettings.Create(azurite.ConnectionString);
        var logs = new CapturedLogs();
        using var host = WebJobsSideHost.Build(settings, new ScriptedWorker(), logs);

        await host.StartAsync();
        try
        {
            var controlQueue = new QueueClient(azurite.ConnectionString, settings.HubName.ToLowerInvariant() + "-control-00");
            Assert.True(await controlQueue.ExistsAsync(), "no control queue for the task hub:\n" + logs.Text());
            Assert.True(logs.Has("Opened local gRPC endpoint"), "the Durable extension opened no gRPC endpoint:\n" + logs.Text());
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task QueueMessage_RequestQueue_ReachesTheWorkerAsModelBindingDataWithADurableClient()
    {
        var queueName = "requests-" + Guid.NewGuid().ToString("N")[..8];
        using var settings = RunSettings.Create(azurite.ConnectionString, new Dictionary<string, string> { ["RequestQueueName"] = queueName });
        var worker = new ScriptedWorker();
        using var host = WebJobsSideHost.Build(settings, worker, new CapturedLogs());
        await host.StartAsync();
        try
        {
            var queue = new QueueClient(azurite.ConnectionString, queueName);
            await queue.CreateIfNotExistsAsync();
            await queue.SendMessageAsync("""{"kind":"text"}""");

            await worker.WaitForAsync(i => i.Any(x => x.FunctionName == "RequestQueue"), "RequestQueue invocation");

            var invocation = worker.Of("RequestQueue").Single();
            var message = Assert.IsType<BindingValue.ModelBindingData>(invocation.Inputs.Single(i => i.Name == "message").Value);
            Assert.Equal("AzureStorageQueues", message.Source);
            using var content = JsonDocument.Parse(message.Content);
            Assert.Equal("""{"kind":"text"}""", content.RootElement.GetProperty("MessageText").GetString());
            using var client = JsonDocument.Parse(Assert.IsType<BindingValue.Text>(invocation.Inputs.Single(i => i.Name == "client").Value).Value);
            Assert.Equal(settings.HubName, client.RootElement.GetProperty("taskHubName").GetString());
            Assert.StartsWith("http://127.0.0.1:", client.RootElement.GetProperty("rpcBaseUrl").GetString(), StringComparison.Ordinal);
            Assert.Equal(new BindingValue.Json("1"), invocation.TriggerMetadata["DequeueCount"]);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task QueueMessage_WorkerFailsEveryTime_IsRetriedThenMovedToThePoisonQueue()
    {
        var queueName = "requests-" + Guid.NewGuid().ToString("N")[..8];
        using var settings = RunSettings.Create(
            azurite.ConnectionString,
            new Dictionary<string, string> { ["RequestQueueName"] = queueName },
            host =>
            {
                // Fast retries for the test; the count is the repository's.
                host["extensions"]!["queues"]!["visibilityTimeout"] = "00:00:00";
                host["extensions"]!["queues"]!["maxPollingInterval"] = "00:00:00.500";
            });
        var worker = new ScriptedWorker();
        worker.Answer("RequestQueue", _ => ScriptedWorker.Failure("boom"));
        using var host = WebJobsSideHost.Build(settings, worker, new CapturedLogs());
        await host.StartAsync();
        try
        {
            var queue = new QueueClient(azurite.ConnectionString, queueName);
            await queue.CreateIfNotExistsAsync();
            await queue.SendMessageAsync("poison me");
            var poison = new QueueClient(azurite.ConnectionString, queueName + "-poison");

            await Waits.UntilAsync(
                async token => (await poison.ExistsAsync(token)).Value && (await poison.PeekMessagesAsync(1, token)).Value.Length > 0, "a poison message");

            Assert.Equal("poison me", (await poison.PeekMessageAsync()).Value.MessageText);
            Assert.Equal(5, worker.Of("RequestQueue").Count);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task Orchestration_StartedThroughTheClientsEndpoint_RunsItsEpisodesAndActivityThroughTheWorker()
    {
        using var settings = RunSettings.Create(azurite.ConnectionString);
        var worker = new ScriptedWorker();
        worker.Answer("SyncGenerationOrchestrator", invocation => ScriptedWorker.Success(new BindingValue.Text(Episode(invocation))));
        worker.Answer("GenerateActivity", invocation =>
            ScriptedWorker.Success(new BindingValue.Json($$"""{"echo":{{((BindingValue.Text)invocation.Inputs[0].Value).Value}}}""")));
        var logs = new CapturedLogs();
        using var host = WebJobsSideHost.Build(settings, worker, logs);
        await host.StartAsync();
        try
        {
            // The [DurableClient] payload an HTTP function gets names the extension's gRPC endpoint, as the worker's client uses it.
            var jobs = host.Services.GetRequiredService<IJobHost>();
            await jobs.CallAsync("StartJob", new Dictionary<string, object> { ["req"] = new DefaultHttpContext() });
            using var payload = JsonDocument.Parse(((BindingValue.Text)worker.Of("StartJob").Single().Inputs.Single(i => i.Name == "client").Value).Value);
            using var channel = GrpcChannel.ForAddress(payload.RootElement.GetProperty("rpcBaseUrl").GetString()!);
            await using var client = new GrpcDurableTaskClient("test", new GrpcDurableTaskClientOptions { Channel = channel }, NullLogger.Instance);

            var id = await client.ScheduleNewOrchestrationInstanceAsync("SyncGenerationOrchestrator", "hi");
            using var guard = new CancellationTokenSource(Waits.HangGuard);
            OrchestrationMetadata finished;
            try
            {
                finished = await client.WaitForInstanceCompletionAsync(id, getInputsAndOutputs: true, guard.Token);
            }
            catch (OperationCanceledException e)
            {
                throw new TimeoutException($"{id} did not finish; invocations: {string.Join(", ", worker.Invocations.Select(i => i.FunctionName))}\n{logs.Text()}", e);
            }

            Assert.Equal(OrchestrationRuntimeStatus.Completed, finished.RuntimeStatus);
            Assert.Equal("""{"echo":"hi"}""", finished.SerializedOutput);
            Assert.Single(worker.Of("GenerateActivity"));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    /// <summary>
    /// A scripted orchestrator: schedules GenerateActivity with its input (wrapped in an array, as the isolated worker's
    /// Durable middleware sends activity inputs to the extension), then completes with the activity's result.
    /// </summary>
    private static string Episode(FunctionInvocation invocation)
    {
        var request = P.OrchestratorRequest.Parser.ParseFrom(Convert.FromBase64String(((BindingValue.Text)invocation.Inputs[0].Value).Value));
        var events = request.PastEvents.Concat(request.NewEvents).ToList();
        var input = events.Single(e => e.ExecutionStarted is not null).ExecutionStarted.Input;
        var completed = events.FirstOrDefault(e => e.TaskCompleted is not null)?.TaskCompleted;
        var response = new P.OrchestratorResponse { InstanceId = request.InstanceId };
        response.Actions.Add(completed is null
            ? new P.OrchestratorAction { Id = 0, ScheduleTask = new P.ScheduleTaskAction { Name = "GenerateActivity", Input = "[" + input + "]" } }
            : new P.OrchestratorAction
            {
                Id = 1,
                CompleteOrchestration = new P.CompleteOrchestrationAction { OrchestrationStatus = P.OrchestrationStatus.Completed, Result = completed.Result },
            });
        return Convert.ToBase64String(response.ToByteArray());
    }
}
