namespace MediaGen.StandInHost.Tests.Jobs;

/// <summary>
/// Job details under the stand-in host (issue 21 point 5): the worker's isolated client reads the orchestration's history
/// from the real Durable extension (its gRPC server streams it), and the answer carries that history and the timeline
/// built from it (which reads the activities' results out of the history's events).
/// </summary>
[Collection(StandInAppCollection.Name)]
public sealed class JobDetailsTests(StandInAppFixture app)
{
    [Fact]
    public async Task GetJobDetails_CompletedJob_CarriesTheHistoryTheExtensionRecordedAndItsTimeline()
    {
        using var jobs = new AppJobs(app);
        var id = await jobs.StartIdAsync(AppJobs.PromptJob("image", "cosmic", AppJobs.UniquePrompt("a detailed lighthouse")));
        await jobs.CompletedAsync(id);

        var details = await jobs.GetAsync(AppJobs.JobPath(id) + "/details");

        Assert.Equal(id, details.GetProperty("job").GetProperty("id").GetString());
        var history = details.GetProperty("history").EnumerateArray()
            .Select(e => (Type: AppJobs.Text(e, "type"), Name: AppJobs.Text(e, "name"))).ToList();
        Assert.Single(history, e => e is { Type: "ExecutionStarted", Name: "SyncGenerationOrchestrator" });
        Assert.Single(history, e => e.Type == "ExecutionCompleted");
        var scheduled = history.Where(e => e.Type == "TaskScheduled").Select(e => e.Name).ToList();
        // The generate activity stores its own media (issue 24): a copy activity runs only after a failed copy.
        Assert.Equal(["GenerateActivity", "PublishResultActivity"], scheduled.Take(2));
        Assert.Equal(scheduled.Count, history.Count(e => e.Type == "TaskCompleted"));
        var timeline = details.GetProperty("timeline").EnumerateArray().Select(e => (Phase: AppJobs.Text(e, "phase"), Detail: AppJobs.Text(e, "detail"))).ToList();
        Assert.Contains(timeline, e => e.Phase == "provider-call" && e.Detail!.StartsWith("attempt 1: provider answered (", StringComparison.Ordinal));
        Assert.DoesNotContain(timeline, e => e.Phase == "copy");
        Assert.Contains(timeline, e => e.Phase == "completed");
        Assert.False(details.TryGetProperty("historyNote", out var note) && note.ValueKind != JsonValueKind.Null, $"historyNote: {note}");
    }
}
