namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Orchestrations.BatchOrchestrator"/>.</summary>
/// <param name="Items">The items, each a validated job (item jobs do not notify on their own).</param>
/// <param name="Policy">Settings captured at start (chunk size, concurrency, callback retries).</param>
/// <param name="CallbackUrl">Receives a signed POST when the whole batch has ended.</param>
/// <param name="Budget">The budget reservation (every item's estimate) the batch settles when it ends.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the span that started it, so every activity, replay and process joins one trace; null when started without one.</param>
/// <param name="Owner">The caller that started it (each item carries it too); null for batches started before owners were recorded.</param>
/// <param name="CallbackEvents">The events <paramref name="CallbackUrl"/> receives; null: <see cref="CallbackEvents.Default"/>.</param>
public sealed record BatchInput(
    IReadOnlyList<JobInput> Items, JobPolicy Policy, string? CallbackUrl = null, BudgetHold? Budget = null, string? TraceParent = null, string? Owner = null,
    IReadOnlyList<CallbackEvent>? CallbackEvents = null);
