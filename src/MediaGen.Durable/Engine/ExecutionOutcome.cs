using MediaGen.Durable.Client;
using MediaGen.Durable.History;

namespace MediaGen.Durable.Engine;

/// <summary>What one episode of an orchestration produced.</summary>
/// <param name="NewActions">Actions the code took that history does not hold yet (TaskScheduled, TimerCreated, SubOrchestrationInstanceCreated, EventSent).</param>
/// <param name="Status">Running, Completed, Failed or ContinuedAsNew.</param>
/// <param name="Output">The output (or the new input, when continued as new) as JSON.</param>
/// <param name="FailureDetails">Why it failed.</param>
/// <param name="CustomStatus">The custom status as JSON.</param>
/// <param name="CarriedEvents">Unconsumed events to carry into the next execution (continue-as-new).</param>
internal sealed record ExecutionOutcome(
    IReadOnlyList<HistoryEvent> NewActions,
    OrchestrationRuntimeStatus Status,
    string? Output,
    TaskFailureDetails? FailureDetails,
    string? CustomStatus,
    IReadOnlyList<EventRaised> CarriedEvents);
