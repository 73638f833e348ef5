namespace MediaGen.Workflows.Tests.Unit;

/// <summary>Activity calls survive a stale timer completion (a crash's uncommitted episode) and a worker process lost mid-activity (Functions).</summary>
public sealed class ActivityCallsTests
{
    [Fact]
    public async Task CallChecked_ResultOfTheWrongShape_CallsOnceMoreAndReturnsThatResult()
    {
        // What DTFx hands the task when a stale TimerFired#3 completes it: the timer id, which is no PollResult.
        var context = new ScriptedContext(["3", """{"status":"done"}"""]);

        var result = await context.CallCheckedAsync<PollResult>("Poll", "input");

        Assert.Equal("done", result.Status);
        Assert.Equal(2, context.Calls);
    }

    [Fact]
    public async Task CallChecked_ResultReads_CallsOnce()
    {
        var context = new ScriptedContext(["""{"status":"done"}"""]);

        Assert.Equal("done", (await context.CallCheckedAsync<PollResult>("Poll", null)).Status);
        Assert.Equal(1, context.Calls);
    }

    [Fact]
    public async Task CallChecked_WrongShapeTwice_Throws()
    {
        var context = new ScriptedContext(["3", "4"]);

        await Assert.ThrowsAnyAsync<JsonException>(() => context.CallCheckedAsync<PollResult>("Poll", null));
        Assert.Equal(2, context.Calls);
    }

    [Fact]
    public async Task CallChecked_ActivityFailed_PropagatesWithoutCallingAgain()
    {
        var context = new ScriptedContext([null]);

        await Assert.ThrowsAsync<TaskFailedException>(() => context.CallCheckedAsync<PollResult>("Poll", null));
        Assert.Equal(1, context.Calls);
    }

    [Fact]
    public async Task CallChecked_WorkerProcessLostDuringTheActivity_CallsAgainAndReturnsThatResult()
    {
        // How a Functions activity fails when its worker process exits mid-invocation: the host's invocation failure wrapping
        // its WorkerProcessExitException, recorded by the Durable extension as the activity's failure.
        var context = new ScriptedContext([LostWorker, """{"status":"done"}"""]);

        var result = await context.CallCheckedAsync<PollResult>("Poll", null);

        Assert.Equal("done", result.Status);
        Assert.Equal(2, context.Calls);
    }

    [Fact]
    public async Task CallChecked_WorkerLostEveryTime_GivesUpAfterMaxWorkerLosses()
    {
        var context = new ScriptedContext([.. Enumerable.Repeat(LostWorker, ActivityCalls.MaxWorkerLosses + 1), """{"status":"done"}"""]);

        var failure = await Assert.ThrowsAsync<TaskFailedException>(() => context.CallCheckedAsync<PollResult>("Poll", null));

        Assert.True(ActivityCalls.IsWorkerLoss(failure.FailureDetails));
        Assert.Equal(ActivityCalls.MaxWorkerLosses + 1, context.Calls);
    }

    private const string LostWorker = "lost-worker";

    private sealed record PollResult(string Status);

    /// <summary>Answers activity calls with the given serialized results in order, read as the DurableTask shim reads them (null: the activity failed; <see cref="LostWorker"/>: its worker process exited).</summary>
    private sealed class ScriptedContext(IReadOnlyList<string?> results) : FakeOrchestrationContext("Scripted")
    {
        public int Calls { get; private set; }

        public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
        {
            var serialized = results[Calls++];
            return serialized switch
            {
                null => Task.FromException<TResult>(new TaskFailedException(name, Calls, new TaskFailureDetails("Boom", "failed", null, null, null))),
                LostWorker => Task.FromException<TResult>(new TaskFailedException(name, Calls, new TaskFailureDetails(
                    "Microsoft.Azure.WebJobs.Host.FunctionInvocationException", "Exception while executing function: Poll", null,
                    new TaskFailureDetails("Microsoft.Azure.WebJobs.Script.Workers.WorkerProcessExitException", "dotnet exited with code 137", null, null, null), null))),
                _ => Task.FromResult(JsonSerializer.Deserialize<TResult>(serialized, JsonSerializerOptions.Web)!),
            };
        }
    }
}
