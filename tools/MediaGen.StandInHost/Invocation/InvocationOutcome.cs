namespace MediaGen.StandInHost.Invocation;

/// <summary>What the worker answered for one invocation.</summary>
/// <param name="Succeeded">Whether the worker reported success.</param>
/// <param name="ReturnValue">The function's return value, if any (an orchestrator's base64 <c>OrchestratorResponse</c>, an activity's JSON result).</param>
/// <param name="Outputs">Output bindings' values by name.</param>
/// <param name="Failure">
/// The worker's exception message and stack when it failed, formatted as the Functions host formats a worker's failure
/// (<c>Result: Failure\nException: {message}\nStack: {stack}</c>), which the Durable extension parses into failure details.
/// </param>
public sealed record InvocationOutcome(bool Succeeded, BindingValue? ReturnValue, IReadOnlyList<NamedValue> Outputs, string? Failure);
