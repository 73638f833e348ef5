using MediaGen.Durable.Client;
using MediaGen.Durable.History;
using MediaGen.Durable.Hosting;
using MediaGen.Durable.Tests.Support;
using MediaGen.Durable.Tests.Workflows;

namespace MediaGen.Durable.Tests.Conformance;

/// <summary>
/// Durable Task semantics every backend must honour. Each backend runs this same suite: the
/// in-memory one on a manual clock, Azure Storage on Azurite in real time.
/// </summary>
public abstract partial class DurableConformanceTests : IAsyncLifetime
{
    private DurableTestHost? _host;

    /// <summary>A timer length that is quick on this backend (real seconds on Azurite; hours on the manual clock).</summary>
    protected abstract TimeSpan TimerDelay { get; }

    /// <summary>Now, on the clock the backend runs on.</summary>
    protected abstract DateTimeOffset UtcNow { get; }

    private protected DurableTestHost Host => _host ?? throw new InvalidOperationException("not started");

    private protected DurableRuntimeClient Client => (_host ?? throw new InvalidOperationException("not started")).Client;

    public async Task InitializeAsync() => _host = await StartHostAsync(null, null);

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    private protected abstract Task<DurableTestHost> StartHostAsync(Action<DurableRuntimeBuilder>? register, Action<DurableRuntimeOptions>? configure);

    /// <summary>Waits for the instance to finish, letting durable time pass as the backend needs.</summary>
    protected abstract Task<OrchestrationMetadata> CompleteAsync(string instanceId);

    private protected async Task RestartHostAsync(Action<DurableRuntimeBuilder>? register, Action<DurableRuntimeOptions>? configure = null)
    {
        await _host!.DisposeAsync();
        _host = null;
        _host = await StartHostAsync(register, configure);
    }

    protected async Task<OrchestrationMetadata> WaitUntilAsync(string instanceId, Func<OrchestrationMetadata, bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var instance = await Client.GetInstanceAsync(instanceId, true, timeout.Token);
            if (instance is not null && condition(instance))
            {
                return instance;
            }

            await Task.Delay(20, timeout.Token);
        }
    }

    [Fact]
    public async Task ScheduleNew_SequenceOfActivities_CompletesWithTheirResultsInOrder()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(HelloSequence), new[] { "Tokyo", "Seattle", "London" });

        var done = await CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal("Hello Tokyo, Hello Seattle, Hello London", done.ReadOutputAs<string>());
        Assert.Equal(new[] { "Tokyo", "Seattle", "London" }, done.ReadInputAs<string[]>());
        Assert.True(done.LastUpdatedAt >= done.CreatedAt);
        HistoryAssert.NoDuplicates((await Client.GetHistoryAsync(id))!, id);
    }

    [Fact]
    public async Task ScheduleNew_SameInstanceIdTwice_RunsOnceWithTheFirstInput()
    {
        var id = "once-" + Guid.NewGuid().ToString("N");
        var first = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), "first", new StartOrchestrationOptions(id));
        var second = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), "second", new StartOrchestrationOptions(id));

        var done = await CompleteAsync(id);

        Assert.Equal(id, first);
        Assert.Equal(id, second);
        Assert.Equal("first", done.ReadOutputAs<string>());
        var history = (await Client.GetHistoryAsync(id))!;
        Assert.Single(history.OfType<TaskScheduled>());
        HistoryAssert.NoDuplicates(history, id);
    }

    [Fact]
    public async Task CallActivity_ActivityThrows_OrchestrationCatchesTaskFailedExceptionWithInnerFailure()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(CatchingOrchestrator), "x");

        var done = await CompleteAsync(id);

        var failure = done.ReadOutputAs<TaskFailureDetails>()!;
        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(typeof(InvalidOperationException).FullName, failure.ErrorType);
        Assert.Equal("boom: x", failure.ErrorMessage);
        Assert.False(string.IsNullOrEmpty(failure.StackTrace));
        Assert.Equal(typeof(ArgumentException).FullName, failure.InnerFailure?.ErrorType);
        Assert.Equal("root cause", failure.InnerFailure?.ErrorMessage);
    }

    [Fact]
    public async Task Orchestrator_UnhandledActivityFailure_InstanceFailedWithStructuredDetails()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(UncaughtOrchestrator), "y");

        var done = await CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.True(done.FailureDetails!.IsCausedBy<TaskFailedException>());
        Assert.Contains(nameof(FailingActivity), done.FailureDetails.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(typeof(InvalidOperationException).FullName, done.FailureDetails.InnerFailure?.ErrorType);
        Assert.Equal(typeof(ArgumentException).FullName, done.FailureDetails.InnerFailure?.InnerFailure?.ErrorType);
    }

    [Fact]
    public async Task CallActivity_RetryPolicy_RetriesAfterDurableTimersUntilSuccess()
    {
        var key = "flaky-" + Guid.NewGuid().ToString("N");
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(RetryOrchestrator), new RetryInput(key, 5, TimerDelay, true));

        var done = await CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.Equal(3, done.ReadOutputAs<int>());
        var history = (await Client.GetHistoryAsync(id))!;
        var timers = history.OfType<TimerCreated>().ToList();
        Assert.Equal(2, timers.Count);
        Assert.Equal(3, history.OfType<TaskScheduled>().Count());
        Assert.True(timers[1].FireAt - timers[1].Timestamp >= TimerDelay * 2, $"the second wait uses the backoff coefficient: {string.Join("; ", timers)}");
    }

    [Fact]
    public async Task CallActivity_RetryFilterRejectsFailure_FailsAfterOneAttempt()
    {
        var key = "argument-" + Guid.NewGuid().ToString("N");
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(RetryOrchestrator), new RetryInput(key, 5, TimerDelay, true));

        var done = await CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal(typeof(ArgumentException).FullName, done.FailureDetails!.InnerFailure?.ErrorType);
        Assert.Single((await Client.GetHistoryAsync(id))!.OfType<TaskScheduled>());
    }

    [Fact]
    public async Task CallActivity_RetriesExhausted_FailsWithLastFailure()
    {
        var key = "flaky-" + Guid.NewGuid().ToString("N");
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(RetryOrchestrator), new RetryInput(key, 2, TimerDelay, false));

        var done = await CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Failed, done.RuntimeStatus);
        Assert.Equal("attempt 2 failed", done.FailureDetails!.InnerFailure?.ErrorMessage);
    }

    [Fact]
    public async Task CreateTimer_Delay_ResumesNoEarlierThanFireTime()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), TimerDelay);

        var done = await CompleteAsync(id);

        Assert.True(done.ReadOutputAs<TimeSpan>() >= TimerDelay);
        var history = (await Client.GetHistoryAsync(id))!;
        Assert.Single(history.OfType<TimerFired>());
    }

    [Fact]
    public async Task CreateTimer_LongerThanQueueDelayLimit_IsReArmedAndFiresOnTime()
    {
        await RestartHostAsync(null, o => o.MaxTimerDelay = TimerDelay);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(TimerOrchestrator), TimerDelay * 3);

        var done = await CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Completed, done.RuntimeStatus);
        Assert.True(done.ReadOutputAs<TimeSpan>() >= TimerDelay * 3);
    }

    [Fact]
    public async Task ScheduleNew_StartAtInTheFuture_PendingUntilThenAndRunsAfter()
    {
        var startAt = UtcNow + (TimerDelay * 2);
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(EchoOrchestrator), "later", new StartOrchestrationOptions(StartAt: startAt));

        var before = await Client.GetInstanceAsync(id);
        var done = await CompleteAsync(id);

        Assert.Equal(OrchestrationRuntimeStatus.Pending, before!.RuntimeStatus);
        Assert.Equal("later", done.ReadOutputAs<string>());
        var firstEpisode = (await Client.GetHistoryAsync(id))!.OfType<OrchestratorStarted>().First();
        Assert.True(firstEpisode.Timestamp >= startAt.UtcDateTime, $"started {firstEpisode.Timestamp:o}, due {startAt:o}");
    }

    [Fact]
    public async Task CreateReplaySafeLogger_ThreeSteps_EachLineLoggedOnceDespiteReplays()
    {
        var id = await Client.ScheduleNewOrchestrationInstanceAsync(nameof(LoggingOrchestrator));

        await CompleteAsync(id);

        var lines = Host.Logs.Messages.Where(m => m.Contains(id, StringComparison.Ordinal)).ToList();
        Assert.Equal([$"{id} step 1", $"{id} step 2", $"{id} step 3"], lines);
    }
}
