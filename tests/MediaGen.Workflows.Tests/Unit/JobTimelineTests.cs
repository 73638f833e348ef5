using DurableTask.Core;
using DurableTask.Core.History;

namespace MediaGen.Workflows.Tests.Unit;

public sealed class JobTimelineTests
{
    private static readonly DateTime T0 = new(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void FromHistory_PixazoJobWithPollWebhookCopyAndRetriedCallback_ListsEveryStepInOrder()
    {
        var history = new List<HistoryEvent>
        {
            At(0, new ExecutionStartedEvent(-1, "{}") { Name = "PixazoGenerationOrchestrator" }),
            At(1, new TaskScheduledEvent(0) { Name = nameof(PixazoSubmitActivity) }),
            // The webhook is recorded in the same episode as the submission's answer, before it.
            At(5, new EventRaisedEvent(-1, Json(new PixazoStatusReport("req-1", PixazoStatus.Completed, null, ["https://m/1.png"], "image"))) { Name = WorkflowEvents.PixazoWebhook }),
            At(5, new TaskCompletedEvent(-1, 0, Json(new PixazoSubmitOutput(new PixazoStatusReport("req-1", PixazoStatus.Queued, null, [], null))))),
            At(6, new TaskScheduledEvent(1) { Name = nameof(PixazoPollActivity) }),
            At(7, new TaskCompletedEvent(-1, 1, Json(new PixazoPollOutput(null, new StepFailure("provider_unavailable", "down", true, HttpStatus: 503))))),
            At(8, new TaskScheduledEvent(2) { Name = nameof(CopyMediaActivity) }),
            At(9, new TaskCompletedEvent(-1, 2, Json(new CopyOutput(new JobResultItem(new Uri("http://s/acc/media/j/0.png"), "image/png", 42, new string('a', 64)))))),
            At(10, new TaskScheduledEvent(3) { Name = nameof(SendCallbackActivity), Input = Json(new CallbackInput("https://h/cb?token=SECRET", "d-1", null!)) }),
            At(11, new TaskCompletedEvent(-1, 3, Json(new DeliveryOutput(new StepFailure("callback_failed", "503 from receiver", true))))),
            At(13, new TaskScheduledEvent(4) { Name = nameof(SendCallbackActivity), Input = Json(new CallbackInput("https://h/cb?token=SECRET", "d-1", null!)) }),
            At(14, new TaskCompletedEvent(-1, 4, Json(DeliveryOutput.Delivered))),
            At(15, new ExecutionCompletedEvent(-1, "{}", OrchestrationStatus.Completed)),
        };
        var state = State(JobStatus.Completed);

        var timeline = JobTimeline.FromHistory(state, history, resumed: false);

        Assert.Equal(["accepted", "submitted", "webhook", "poll", "copy", "callback", "callback", "completed"], timeline.Select(e => e.Phase));
        Assert.Contains("req-1: Queued", timeline[1].Detail, StringComparison.Ordinal);
        Assert.Contains("(took 4.0 s)", timeline[1].Detail, StringComparison.Ordinal);
        Assert.Equal(T0.AddSeconds(1), timeline[1].At.UtcDateTime);
        Assert.Equal("Pixazo webhook: Completed", timeline[2].Detail);
        Assert.False(timeline[3].Ok);
        Assert.Contains("provider_unavailable: down (HTTP 503)", timeline[3].Detail, StringComparison.Ordinal);
        Assert.Contains("image/png, 42 bytes", timeline[4].Detail, StringComparison.Ordinal);
        Assert.Contains("delivery d-1 attempt 1 failed", timeline[5].Detail, StringComparison.Ordinal);
        Assert.Contains("(retried)", timeline[5].Detail, StringComparison.Ordinal);
        Assert.Contains("delivery d-1 attempt 2: delivered", timeline[6].Detail, StringComparison.Ordinal);
        Assert.All(timeline, e => Assert.DoesNotContain("SECRET", e.Detail, StringComparison.Ordinal));
        Assert.Equal(13, JobTimeline.Events(history).Count);
    }

    private static JobState State(JobStatus status) =>
        new("job-1", JobKind.Image, ProviderName.Pixazo, status, null, new DateTimeOffset(T0), new DateTimeOffset(T0.AddSeconds(15)),
            status == JobStatus.Completed ? new JobResult([new JobResultItem(new Uri("http://s/acc/media/j/0.png"), "image/png", 42, new string('a', 64))]) : null);

    private static T At<T>(int seconds, T e)
        where T : HistoryEvent
    {
        e.Timestamp = T0.AddSeconds(seconds);
        return e;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, WorkflowJson.Options);
}
