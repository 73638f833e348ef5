using System.Globalization;
using DurableTask.Core.History;

namespace MediaGen.Workflows;

/// <summary>
/// Turns an orchestration's history into the steps an operator reads: accepted, provider calls and their attempts,
/// Pixazo submissions, polls and webhooks, each copy, completion, the results-queue message and every callback attempt.
/// Payloads are read with <see cref="WorkflowJson.Options"/>, the form the engine wrote them in; secrets never reach the
/// detail text (URLs are shown without their query).
/// </summary>
internal static class JobTimeline
{
    /// <summary>The timeline read from <paramref name="history"/> (the latest execution).</summary>
    public static IReadOnlyList<JobTimelineEntry> FromHistory(JobState state, IList<HistoryEvent> history, bool resumed)
    {
        ArgumentNullException.ThrowIfNull(history);
        var entries = new List<JobTimelineEntry>();
        var scheduled = new Dictionary<int, TaskScheduledEvent>();
        var attempts = new Dictionary<string, int>(StringComparer.Ordinal);
        entries.Add(new(state.CreatedAt, "accepted", Accepted(state)));
        foreach (var e in history)
        {
            var at = Utc(e.Timestamp);
            switch (e)
            {
                case ExecutionStartedEvent when resumed:
                    entries.Add(new(at, "continued", "continued as a new execution (history of earlier ones is not kept)"));
                    break;
                case TaskScheduledEvent task:
                    scheduled[task.EventId] = task;
                    break;
                case TaskCompletedEvent done when scheduled.TryGetValue(done.TaskScheduledId, out var task):
                    var step = Completed(Utc(task.Timestamp), task, done.Result, attempts);
                    entries.Add(step with { Detail = step.Detail + Took(task, at) });
                    break;
                case TaskFailedEvent failed when scheduled.TryGetValue(failed.TaskScheduledId, out var task):
                    entries.Add(new(Utc(task.Timestamp), PhaseOf(task.Name), $"{task.Name} faulted: {failed.Reason}" + Took(task, at), false));
                    break;
                case EventRaisedEvent raised when raised.Name == WorkflowEvents.PixazoWebhook:
                    var report = Read<PixazoStatusReport>(raised.Input);
                    entries.Add(new(at, "webhook", report is null ? "Pixazo webhook" : $"Pixazo webhook: {report.Status}" + ErrorText(report.Error), report?.Status is not (Core.Providers.Pixazo.PixazoStatus.Failed or Core.Providers.Pixazo.PixazoStatus.Error)));
                    break;
                case EventRaisedEvent raised when raised.Name == WorkflowEvents.Cancel:
                    var reason = Read<CancelRequest>(raised.Input)?.Reason;
                    entries.Add(new(at, "cancel", string.IsNullOrWhiteSpace(reason) ? "cancel requested" : $"cancel requested: {reason}"));
                    break;
                case ExecutionTerminatedEvent:
                    entries.Add(new(at, "completed", "terminated", false));
                    break;
                case ExecutionCompletedEvent:
                    if (Finished(state) is { } end)
                    {
                        entries.Add(end with { At = at });
                    }

                    break;
            }
        }

        // Steps are placed when they started (an activity when it was scheduled), so a webhook that arrived while the
        // submission's answer was still on its way reads after the submission; the order is stable for equal times.
        return [.. entries.OrderBy(e => e.At)];
    }

    private static DateTimeOffset Utc(DateTime timestamp) => new(DateTime.SpecifyKind(timestamp, DateTimeKind.Utc));

    private static string Took(TaskScheduledEvent task, DateTimeOffset done) =>
        $" (took {(done - Utc(task.Timestamp)).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s)";

    private static string Accepted(JobState state) =>
        $"{JobRequestReader.KindText(state.Kind)} job for {JobRequestReader.ProviderText(state.Provider)} accepted";

    /// <summary>The raw history events, oldest first.</summary>
    public static IReadOnlyList<JobHistoryEvent> Events(IList<HistoryEvent> history) =>
        [.. history.Select(e => new JobHistoryEvent(e.EventId, e.EventType.ToString(), NameOf(e), Utc(e.Timestamp)))];

    private static JobTimelineEntry Completed(DateTimeOffset at, TaskScheduledEvent task, string? result, Dictionary<string, int> attempts)
    {
        var name = task.Name ?? "";
        var phase = PhaseOf(name);
        var attempt = attempts[phase] = attempts.GetValueOrDefault(phase) + 1;
        switch (name)
        {
            case nameof(GenerateActivity):
                var generated = Read<GenerateOutput>(result);
                return generated?.Failure is { } gf
                    ? new(at, phase, $"attempt {attempt} failed: {Failure(gf)}", false)
                    : new(at, phase, $"attempt {attempt}: provider answered ({generated?.Media.Count ?? 0} to copy, {generated?.Stored.Count ?? 0} stored directly)" + Usage(generated?.Usage), true);
            case nameof(PixazoSubmitActivity):
                var submitted = Read<PixazoSubmitOutput>(result);
                return submitted?.Failure is { } sf
                    ? new(at, phase, $"submission failed: {Failure(sf)}", false)
                    : new(at, phase, $"Pixazo request {submitted?.Report?.RequestId}: {submitted?.Report?.Status}" + (submitted?.Replayed == true ? " (recorded submission returned; nothing bought again)" : ""), true);
            case nameof(PixazoPollActivity):
                var polled = Read<PixazoPollOutput>(result);
                return polled?.Failure is { } pf
                    ? new(at, phase, $"poll {attempt} failed: {Failure(pf)}", false)
                    : new(at, phase, $"poll {attempt}: {polled?.Report?.Status}" + ErrorText(polled?.Report?.Error), polled?.Report?.Status is not (Core.Providers.Pixazo.PixazoStatus.Failed or Core.Providers.Pixazo.PixazoStatus.Error));
            case nameof(CopyMediaActivity):
                var copied = Read<CopyOutput>(result);
                return copied?.Item is { } item
                    ? new(at, phase, $"stored {item.BlobUri.AbsolutePath} ({item.ContentType}, {item.Size.ToString(CultureInfo.InvariantCulture)} bytes, sha256 {item.Sha256[..Math.Min(12, item.Sha256.Length)]}…)", true)
                    : new(at, phase, $"copy failed: {(copied?.Failure is { } cf ? Failure(cf) : "no item")}", false);
            case nameof(PublishResultActivity):
                var published = Read<DeliveryOutput>(result);
                return published?.Failure is { } qf
                    ? new(at, phase, $"attempt {attempt} failed: {Failure(qf)}", false)
                    : new(at, phase, $"attempt {attempt}: message on the results queue", true);
            case nameof(SendCallbackActivity):
                var delivery = Read<CallbackInput>(task.Input)?.DeliveryId;
                var called = Read<DeliveryOutput>(result);
                return called?.Failure is { } cbf
                    ? new(at, phase, $"delivery {delivery} attempt {attempt} failed: {Failure(cbf)}" + (cbf.Retryable ? " (retried)" : ""), false)
                    : new(at, phase, $"delivery {delivery} attempt {attempt}: delivered", true);
            default:
                return new(at, phase, $"{name} done");
        }
    }

    private static string PhaseOf(string? activity) => activity switch
    {
        nameof(GenerateActivity) => "provider-call",
        nameof(PixazoSubmitActivity) => "submitted",
        nameof(PixazoPollActivity) => "poll",
        nameof(CopyMediaActivity) => "copy",
        nameof(PublishResultActivity) => "results-queue",
        nameof(SendCallbackActivity) => "callback",
        _ => activity ?? "activity",
    };

    private static JobTimelineEntry? Finished(JobState state) => state.Status switch
    {
        JobStatus.Completed => new(state.UpdatedAt, "completed", $"completed with {state.Result?.Items.Count ?? 0} stored item(s)", true),
        JobStatus.Failed => new(state.UpdatedAt, "completed", $"failed: {state.Error?.Type}: {state.Error?.Message}", false),
        JobStatus.Canceled => new(state.UpdatedAt, "completed", $"canceled: {state.Error?.Message}", false),
        _ => null,
    };

    private static string Failure(StepFailure failure) =>
        $"{failure.Type}: {failure.Message}" + (failure.HttpStatus is { } status ? $" (HTTP {status.ToString(CultureInfo.InvariantCulture)})" : "");

    private static string Usage(JobUsage? usage) =>
        usage is null ? "" : $"; tokens in {usage.InputTokens?.ToString(CultureInfo.InvariantCulture) ?? "?"}, out {usage.OutputTokens?.ToString(CultureInfo.InvariantCulture) ?? "?"}";

    private static string ErrorText(string? error) => string.IsNullOrEmpty(error) ? "" : $" ({error})";

    private static string? NameOf(HistoryEvent e) => e switch
    {
        TaskScheduledEvent t => t.Name,
        ExecutionStartedEvent s => s.Name,
        EventRaisedEvent r => r.Name,
        EventSentEvent s => s.Name,
        SubOrchestrationInstanceCreatedEvent c => c.Name,
        ExecutionCompletedEvent c => c.OrchestrationStatus.ToString(),
        TimerCreatedEvent t => "until " + t.FireAt.ToString("O", CultureInfo.InvariantCulture),
        _ => null,
    };

    private static T? Read<T>(string? json)
        where T : class
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(json, WorkflowJson.Options);
        }
        catch (JsonException)
        {
            // A payload of another shape (an older build's) shows as a step without details rather than breaking the page.
            return null;
        }
    }
}
