namespace MediaGen.Workflows.Payloads;

/// <summary>Input of <see cref="Orchestrations.ChainOrchestrator"/>.</summary>
/// <param name="Initial">Cosmic video params of the first segment; null when <paramref name="MediaId"/> is given.</param>
/// <param name="MediaId">An existing Cosmic video to extend; null when <paramref name="Initial"/> is given.</param>
/// <param name="Prompts">One extension per prompt, each extending the previous segment.</param>
/// <param name="Model">Veo model of the extensions; provider default when null.</param>
/// <param name="Output">Where the segments go.</param>
/// <param name="CallbackUrl">Receives a signed POST when the chain ends.</param>
/// <param name="Deadline">When the chain stops with a timeout error.</param>
/// <param name="Policy">Settings captured at start.</param>
/// <param name="Cost">The chain's estimate: the initial video and every extension.</param>
/// <param name="Budget">The budget reservation the chain settles when it ends.</param>
/// <param name="TraceParent">The W3C <c>traceparent</c> of the span that started it, so every activity, replay and process joins one trace; null when started without one.</param>
/// <param name="Owner">The caller that started it; null for chains started before owners were recorded.</param>
public sealed record ChainInput(
    JsonElement? Initial,
    string? MediaId,
    IReadOnlyList<string> Prompts,
    string? Model,
    JobOutput? Output,
    string? CallbackUrl,
    DateTimeOffset Deadline,
    JobPolicy Policy,
    JobCost? Cost = null,
    BudgetHold? Budget = null,
    string? TraceParent = null,
    string? Owner = null);
