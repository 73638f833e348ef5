using static MediaGen.Workflows.Tests.Support.FakePixazo;

namespace MediaGen.Workflows.Tests.Unit;

/// <summary>A long Pixazo wait continues as new every <c>PollsPerGeneration</c> polls (3 here) carrying its state.</summary>
public sealed class PixazoContinueAsNewTests : IAsyncLifetime
{
    private static readonly TimeSpan Ms = TimeSpan.FromMilliseconds(1);

    private WorkflowTestHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await WorkflowTestHost.StartAsync(new Dictionary<string, string?> { ["Workflows:PollsPerGeneration"] = "3" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Pixazo_MorePollsThanAGenerationHolds_ContinuesAsNewKeepingSubmissionRequestBackoffAndCounts()
    {
        _host.Fakes.Poll = (requestId, poll) => new PixazoPollOutput(poll < 8
            ? Processing(requestId)
            : Completed(requestId, 1));

        var started = await _host.Starter.StartJobAsync(Requests.PixazoImage());
        var done = await _host.CompleteAsync(started.Id);

        var generations = _host.Episodes.Generations(started.Id);
        Assert.Equal(3, generations.Count);
        Assert.Single(_host.Fakes.CallsOf(nameof(PixazoSubmitActivity), started.Id));
        Assert.Equal([$"req-{started.Id}-1"], _host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id).Select(c => (string)c.Input!).Distinct());

        // The backoff goes on where it was (not back to 20 ms), and every generation keeps the first one's deadline.
        Assert.Equal([20 * Ms, 40 * Ms, 80 * Ms, 120 * Ms, 120 * Ms, 120 * Ms, 120 * Ms, 120 * Ms], PollWaits(_host, started.Id));
        Assert.Equal([DeadlineOf(generations[0][0].NewEvents.Single(e => e.ExecutionStarted is not null).ExecutionStarted.Input)],
            generations.SelectMany(g => g).Where(e => e.ContinuedAsNew)
                .Select(e => ResumeDeadlineOf(e.Actions.Single(a => a.CompleteOrchestration is not null).CompleteOrchestration.Result)).Distinct());

        var progress = WorkflowTestHost.Progress(done);
        Assert.Equal((8, 1, $"req-{started.Id}-1"), (progress.GetProperty("polls").GetInt32(), progress.GetProperty("submission").GetInt32(), progress.GetProperty("requestId").GetString()));
        var job = await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Completed, 1), (job!.Status, job.Result!.Items.Count));
        Assert.Single(_host.Fakes.Published);
    }

    [Fact]
    public async Task Pixazo_ManyGenerations_EachHistoryStaysBounded()
    {
        _host.Fakes.Poll = (requestId, poll) => new PixazoPollOutput(poll < 12
            ? Processing(requestId)
            : Completed(requestId, 1));

        var started = await _host.Starter.StartJobAsync(Requests.PixazoImage());
        await _host.CompleteAsync(started.Id);

        // 12 polls, 3 per generation: 4 generations, none holding more than a few dozen events.
        var generations = _host.Episodes.Generations(started.Id);
        Assert.Equal(4, generations.Count);
        Assert.All(generations, g => Assert.InRange(g.Max(e => e.HistoryLength), 1, 40));
    }

    [Fact]
    public async Task Pixazo_WebhookArrivesDuringTheLastPollOfAGeneration_IsNotLost()
    {
        var webhooks = new List<PixazoWebhookResult>();
        _host.Fakes.PollAsync = async (requestId, poll) =>
        {
            // Polls alone would finish it only much later: the job must finish by the webhook (and its confirming poll,
            // which reads what Pixazo holds once it has sent the webhook). This poll read PROCESSING just before.
            var answer = HeldOr(requestId, poll < 12 ? Processing(requestId) : Completed(requestId, 1));
            if (poll == 3)
            {
                webhooks.Add(await PostWebhookAsync(_host, JobOf(requestId), Completed(requestId, 1)));
            }

            return new PixazoPollOutput(answer);
        };

        var started = await _host.Starter.StartJobAsync(Requests.PixazoImage());
        var done = await _host.CompleteAsync(started.Id);

        Assert.Equal([PixazoWebhookResult.Accepted], webhooks);
        var progress = WorkflowTestHost.Progress(done);
        Assert.Equal((1, 4), (progress.GetProperty("webhooks").GetInt32(), progress.GetProperty("polls").GetInt32()));
        Assert.Equal(4, _host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id).Count);
        Assert.Equal(JobStatus.Completed, (await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything))!.Status);
    }

    [Fact]
    public async Task Pixazo_WebhookArrivesAfterAContinueAsNew_CompletesTheNextGeneration()
    {
        var webhooks = new List<PixazoWebhookResult>();
        _host.Fakes.PollAsync = async (requestId, poll) =>
        {
            var answer = HeldOr(requestId, poll < 12 ? Processing(requestId) : Completed(requestId, 1));
            if (poll == 4)
            {
                webhooks.Add(await PostWebhookAsync(_host, JobOf(requestId), Completed(requestId, 1)));
            }

            return new PixazoPollOutput(answer);
        };

        var started = await _host.Starter.StartJobAsync(Requests.PixazoImage());
        var done = await _host.CompleteAsync(started.Id);

        Assert.Equal([PixazoWebhookResult.Accepted], webhooks);
        Assert.Equal((1, 5), (WorkflowTestHost.Progress(done).GetProperty("webhooks").GetInt32(), WorkflowTestHost.Progress(done).GetProperty("polls").GetInt32()));
        Assert.Equal(2, _host.Episodes.Generations(started.Id).Count);
    }

    [Fact]
    public async Task Pixazo_CanceledDuringTheLastPollOfAGeneration_EndsCanceled()
    {
        var cancels = new List<JobCancelResult>();
        _host.Fakes.PollAsync = async (requestId, poll) =>
        {
            if (poll == 3)
            {
                cancels.Add(await _host.Commands.CancelJobAsync(JobOf(requestId), JobAccess.Everything, "stop"));
            }

            return new PixazoPollOutput(poll < 12 ? Processing(requestId) : Completed(requestId, 1));
        };

        var started = await _host.Starter.StartJobAsync(Requests.PixazoImage());
        await _host.CompleteAsync(started.Id);

        Assert.Equal([JobCancelResult.CancelRequested], cancels);
        var job = await _host.Reader.GetJobAsync(started.Id, JobAccess.Everything);
        Assert.Equal((JobStatus.Canceled, "stop"), (job!.Status, job.Error!.Message));
        Assert.Equal(3, _host.Fakes.CallsOf(nameof(PixazoPollActivity), started.Id).Count);
        Assert.Equal(JobStatus.Canceled, Assert.Single(_host.Fakes.Published).Status);
    }

    /// <summary>The deadline in a job input (the JSON the job service stored).</summary>
    private static DateTimeOffset DeadlineOf(string jobInput) =>
        JsonDocument.Parse(jobInput).RootElement.GetProperty("deadline").GetDateTimeOffset();

    /// <summary>The deadline a generation hands the next one (the input it continues as new with).</summary>
    private static DateTimeOffset ResumeDeadlineOf(string jobInput) =>
        JsonDocument.Parse(jobInput).RootElement.GetProperty("resume").GetProperty("deadline").GetDateTimeOffset();

    /// <summary>What Pixazo holds for <paramref name="requestId"/> once it has sent a webhook, else <paramref name="otherwise"/>.</summary>
    private PixazoStatusReport HeldOr(string requestId, PixazoStatusReport otherwise) =>
        _host.Fakes.PixazoHolds.TryGetValue(requestId, out var held) ? held : otherwise;
}
