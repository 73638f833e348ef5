namespace MediaGen.Workflows.Tests.Unit;

/// <summary>
/// The job service's ownership rules against the real engine client: what a caller reads, lists, cancels, re-runs and
/// purges is its own; derived instances (batch items, failover children, re-runs) carry their owner; an operator sees all.
/// </summary>
public sealed class JobOwnershipTests : IAsyncLifetime
{
    private static readonly JobAccess Alice = new("alice");
    private static readonly JobAccess Bob = new("bob");
    private static readonly JobAccess Operator = new("ops", IsOperator: true);

    private WorkflowTestHost _host = null!;

    public async Task InitializeAsync() => _host = await WorkflowTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task StartJob_SameKeyFromTwoCallers_TwoJobsEachSeenOnlyByItsOwner()
    {
        var alices = await _host.Starter.StartJobAsync(Requests.CosmicImage("alice's", idempotencyKey: "order-1"), caller: Alice.Caller);
        var bobs = await _host.Starter.StartJobAsync(Requests.CosmicImage("bob's", idempotencyKey: "order-1"), caller: Bob.Caller);
        var again = await _host.Starter.StartJobAsync(Requests.CosmicImage("bob's again", idempotencyKey: "order-1"), caller: Bob.Caller);
        await _host.CompleteAsync(alices.Id);
        await _host.CompleteAsync(bobs.Id);

        Assert.NotEqual(alices.Id, bobs.Id);
        Assert.Equal((false, false, bobs.Id, true), (alices.AlreadyExisted, bobs.AlreadyExisted, again.Id, again.AlreadyExisted));
        Assert.Equal("alice", (await _host.Reader.GetJobAsync(alices.Id, Alice))!.Caller);
        Assert.Null(await _host.Reader.GetJobAsync(alices.Id, Bob));
        Assert.Null(await _host.Reader.GetJobDetailsAsync(alices.Id, Bob));
        Assert.Equal("bob", (await _host.Reader.GetJobAsync(bobs.Id, Operator))!.Caller);
    }

    [Fact]
    public async Task ListJobs_TwoCallers_EachListsOnlyItsOwnAndTheOperatorAll()
    {
        var alices = await StartCompletedAsync(Alice, "a1", "a2");
        var bobs = await StartCompletedAsync(Bob, "b1");

        var forAlice = await ListAllAsync(new JobQuery(PageSize: 1), Alice);
        var forBob = await ListAllAsync(new JobQuery(), Bob);
        var aliceAsksForBobs = await _host.Reader.ListJobsAsync(new JobQuery(Caller: "bob"), Alice);
        var forOperator = await ListAllAsync(new JobQuery(), Operator);
        var operatorAsksForBobs = await ListAllAsync(new JobQuery(Caller: "BOB"), Operator);

        Assert.Equal(alices.Order(), forAlice.Select(j => j.Id).Order());
        Assert.All(forAlice, j => Assert.Equal("alice", j.Caller));
        Assert.Equal(bobs, forBob.Select(j => j.Id));
        Assert.Empty(aliceAsksForBobs.Jobs);
        Assert.Null(aliceAsksForBobs.ContinuationToken);
        Assert.Superset(alices.Concat(bobs).ToHashSet(), forOperator.Select(j => j.Id).ToHashSet());
        Assert.Equal(bobs, operatorAsksForBobs.Select(j => j.Id));
    }

    [Fact]
    public async Task CancelJob_AnotherCallersRunningJob_NotFoundAndItKeepsRunning()
    {
        var running = await _host.Starter.StartJobAsync(Requests.PixazoImage(), caller: Alice.Caller);
        await _host.WaitForAsync(running.Id, i => i.RuntimeStatus == OrchestrationRuntimeStatus.Running);

        var byBob = await _host.Commands.CancelJobAsync(running.Id, Bob, "mine now");
        var stillRunning = await _host.Reader.GetJobAsync(running.Id, Alice);
        var byOperator = await _host.Commands.CancelJobAsync(running.Id, Operator, "operator");
        var ended = await _host.CompleteAsync(running.Id);

        Assert.Equal((JobCancelResult.NotFound, JobCancelResult.CancelRequested), (byBob, byOperator));
        Assert.NotEqual(JobStatus.Canceled, stillRunning!.Status);
        Assert.Equal(JobStatus.Canceled, JobStates.From(ended).Status);
    }

    [Fact]
    public async Task Batch_ItemsCarryTheOwnerAndAnotherCallerSeesNeitherBatchNorItems()
    {
        var started = await _host.Starter.StartBatchAsync(new BatchRequest([Requests.CosmicImage("one"), Requests.CosmicImage("two")]), caller: Alice.Caller);
        await _host.CompleteAsync(started.Id);

        var batch = await _host.Reader.GetBatchAsync(started.Id, Alice);
        var item = await _host.Reader.GetJobAsync(batch!.Items[1].JobId, Alice);

        Assert.Equal(("alice", "alice"), (batch.Caller, item!.Caller));
        Assert.StartsWith(JobOwner.PrefixOf("alice"), item.Id, StringComparison.Ordinal);
        Assert.Null(await _host.Reader.GetBatchAsync(started.Id, Bob));
        Assert.Null(await _host.Reader.GetJobAsync(batch.Items[1].JobId, Bob));
        Assert.Equal(JobCancelResult.NotFound, await _host.Commands.CancelJobAsync(started.Id, Bob));
    }

    [Fact]
    public async Task Failover_ChildRunsCarryTheOwner()
    {
        var json = """{"kind":"image","provider":"cosmic","params":{"prompt":"a bay"},"fallbacks":[{"provider":"comet"}]}""";
        var started = await _host.Starter.StartJobAsync(Encoding.UTF8.GetBytes(json), caller: Alice.Caller);
        await _host.CompleteAsync(started.Id);
        var childId = FailoverOrchestrator.CandidateId(started.Id, 0);

        var child = await _host.Client.GetInstanceAsync(childId, getInputsAndOutputs: true);

        Assert.Equal("alice", child!.ReadInputAs<JobInput>()!.Owner);
        Assert.Equal("alice", (await _host.Reader.GetJobAsync(childId, Alice))!.Caller);
        Assert.Null(await _host.Reader.GetJobAsync(childId, Bob));
    }

    [Fact]
    public async Task RerunJob_ByAnotherCallerNotFound_ByTheOperatorOwnedByTheOriginalsCaller()
    {
        var original = (await StartCompletedAsync(Alice, "rerun me"))[0];

        var byBob = await _host.Commands.RerunJobAsync(original, Bob, "bob-key");
        var byOperator = await _host.Commands.RerunJobAsync(original, Operator, "ops-key");
        await _host.CompleteAsync(byOperator!.Id);

        Assert.Null(byBob);
        Assert.Equal(JobIds.Keyed("job", "alice", "ops-key"), byOperator.Id);
        Assert.Equal("alice", (await _host.Reader.GetJobAsync(byOperator.Id, Alice))!.Caller);
        Assert.Null(await _host.Client.GetInstanceAsync(JobIds.Keyed("job", "bob", "bob-key")));
    }

    [Fact]
    public async Task PurgeFinishedJobs_ByACaller_DeletesItsOwnOnly()
    {
        var alices = await StartCompletedAsync(Alice, "a1", "a2");
        var bobs = await StartCompletedAsync(Bob, "b1");

        var result = await _host.Commands.PurgeFinishedJobsAsync(DateTimeOffset.UtcNow, Alice);

        Assert.Equal((2, true), (result.Purged, result.Complete));
        Assert.All(alices, id => Assert.Null(_host.Client.GetInstanceAsync(id).Result));
        Assert.NotNull(await _host.Reader.GetJobAsync(bobs[0], Bob));
    }

    [Fact]
    public async Task GetJob_IdWithoutAnOwnerPrefix_OnlyTheOperatorSeesIt()
    {
        // A job started before owners were recorded: no caller's prefix, no owner in its input.
        var input = new JobInput(Requests.CosmicImage(), null, JobPolicy.From(new WorkflowOptions(), new Core.Notifications.CallbackOptions()));
        await _host.Client.ScheduleNewOrchestrationInstanceAsync(nameof(SyncGenerationOrchestrator), input, new StartOrchestrationOptions("job-legacy-1"));
        await _host.CompleteAsync("job-legacy-1");

        Assert.Null(await _host.Reader.GetJobAsync("job-legacy-1", new JobAccess(JobOwner.DefaultCaller)));
        var seen = await _host.Reader.GetJobAsync("job-legacy-1", Operator);
        Assert.Equal(("job-legacy-1", null), (seen!.Id, seen.Caller));
    }

    private async Task<List<string>> StartCompletedAsync(JobAccess owner, params string[] prompts)
    {
        var ids = new List<string>();
        foreach (var prompt in prompts)
        {
            var started = await _host.Starter.StartJobAsync(Requests.CosmicImage(prompt), caller: owner.Caller);
            await _host.CompleteAsync(started.Id);
            ids.Add(started.Id);
        }

        return ids;
    }

    private async Task<List<JobState>> ListAllAsync(JobQuery query, JobAccess access)
    {
        var jobs = new List<JobState>();
        string? token = null;
        do
        {
            var page = await _host.Reader.ListJobsAsync(query with { ContinuationToken = token }, access);
            jobs.AddRange(page.Jobs);
            token = page.ContinuationToken;
        }
        while (token is not null);

        return jobs;
    }
}
