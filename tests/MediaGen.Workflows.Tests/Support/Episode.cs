using P = Microsoft.DurableTask.Protobuf;

namespace MediaGen.Workflows.Tests.Support;

/// <summary>
/// One orchestrator episode as the worker ran it: the events it was given, and the actions it answered with. Its
/// orchestration time is <see cref="StartedAt"/> (the episode's <c>OrchestratorStarted</c> timestamp, which is what
/// <c>CurrentUtcDateTime</c> reads while the new events are processed), so a timer's requested delay is exactly
/// <c>FireAt - StartedAt</c>, whatever the wall clock did.
/// </summary>
internal sealed record Episode(
    string InstanceId,
    string? ExecutionId,
    DateTime StartedAt,
    IReadOnlyList<P.HistoryEvent> NewEvents,
    IReadOnlyList<P.OrchestratorAction> Actions,
    string? CustomStatus)
{
    /// <summary>When the timers created in this episode fire (UTC), in creation order.</summary>
    public IEnumerable<DateTime> TimersFireAt =>
        Actions.Where(a => a.CreateTimer is not null).Select(a => a.CreateTimer.FireAt.ToDateTime());

    /// <summary>The activities this episode scheduled, by name.</summary>
    public IEnumerable<string> ActivitiesScheduled =>
        Actions.Where(a => a.ScheduleTask is not null).Select(a => a.ScheduleTask.Name);

    /// <summary>The external events this episode received, by name.</summary>
    public IEnumerable<string> EventsReceived =>
        NewEvents.Where(e => e.EventRaised is not null).Select(e => e.EventRaised.Name);

    /// <summary>Whether this episode ended the execution with <c>ContinueAsNew</c>.</summary>
    public bool ContinuedAsNew =>
        Actions.Any(a => a.CompleteOrchestration?.OrchestrationStatus == P.OrchestrationStatus.ContinuedAsNew);

    /// <summary>The custom status the episode ended with, parsed (null when it set none).</summary>
    public JsonElement? Progress => CustomStatus is null ? null : JsonDocument.Parse(CustomStatus).RootElement.Clone();

    /// <summary>The delay each timer of this episode asked for.</summary>
    public IEnumerable<TimeSpan> TimerDelays => TimersFireAt.Select(fireAt => fireAt - StartedAt);

    /// <summary>The phase the episode's custom status ended in (<c>waiting</c>, <c>retrying</c>, <c>notifying</c>…), if any.</summary>
    public string? Phase => Progress is { ValueKind: JsonValueKind.Object } p && p.TryGetProperty("phase", out var phase) ? phase.GetString() : null;

    /// <summary>
    /// The delays of the timers this episode announced as its next check (its custom status' <c>nextCheckAt</c>): the
    /// provider retry and Pixazo poll waits, not the job's deadline timer.
    /// </summary>
    public IEnumerable<TimeSpan> AnnouncedWaits
    {
        get
        {
            if (Progress is not { ValueKind: JsonValueKind.Object } progress
                || !progress.TryGetProperty("nextCheckAt", out var next) || next.ValueKind != JsonValueKind.String)
            {
                return [];
            }

            var nextCheckAt = next.GetDateTime().ToUniversalTime();
            return TimersFireAt.Where(fireAt => fireAt == nextCheckAt).Select(fireAt => fireAt - StartedAt);
        }
    }

    /// <summary>How many history events the worker was given for this episode (past and new): the history's size so far.</summary>
    public int HistoryLength { get; init; }
}
