namespace MediaGen.Core.Jobs;

/// <summary>One step of a job's timeline.</summary>
/// <param name="At">When it happened (UTC).</param>
/// <param name="Phase">
/// <c>accepted</c>, <c>provider-call</c>, <c>submitted</c>, <c>poll</c>, <c>webhook</c>, <c>timer</c>, <c>copy</c>,
/// <c>results-queue</c>, <c>callback</c>, <c>cancel</c>, <c>continued</c>, <c>completed</c>, <c>status</c>.
/// </param>
/// <param name="Detail">What it was or answered, for people (no secrets).</param>
/// <param name="Ok">False when the step failed (a failed attempt, a refused callback); null when it says nothing either way.</param>
public sealed record JobTimelineEntry(DateTimeOffset At, string Phase, string Detail, bool? Ok = null);
