namespace MediaGen.Workflows.Payloads;

/// <summary>
/// The trace context an orchestration hands each activity call, so the activity's span joins the job's trace in
/// whatever process runs it, after any replay. Orchestrations only pass the job's string on; they never read the
/// current span (that would not be deterministic).
/// </summary>
/// <param name="TraceParent">The job's W3C <c>traceparent</c>; null when the job was started without one.</param>
/// <param name="Attempt">1-based attempt of this call within its step.</param>
public sealed record StepTrace(string? TraceParent, int Attempt = 1);
