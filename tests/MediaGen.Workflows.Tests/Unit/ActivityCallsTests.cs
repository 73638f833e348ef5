using System.Text.Json;
using MediaGen.Workflows.Orchestrations;
using MediaGen.Workflows.Tests.Support;
using Microsoft.DurableTask;

namespace MediaGen.Workflows.Tests.Unit;

/// <summary>Activity calls survive a stale timer completion (a crash's uncommitted episode).</summary>
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

    private sealed record PollResult(string Status);

    /// <summary>Answers activity calls with the given serialized results in order, read as the DurableTask shim reads them (null: the activity failed).</summary>
    private sealed class ScriptedContext(IReadOnlyList<string?> results) : FakeOrchestrationContext("Scripted")
    {
        public int Calls { get; private set; }

        public override Task<TResult> CallActivityAsync<TResult>(TaskName name, object? input = null, TaskOptions? options = null)
        {
            var serialized = results[Calls++];
            return serialized is null
                ? Task.FromException<TResult>(new TaskFailedException(name, Calls, new TaskFailureDetails("Boom", "failed", null, null, null)))
                : Task.FromResult(JsonSerializer.Deserialize<TResult>(serialized, JsonSerializerOptions.Web)!);
        }
    }
}
