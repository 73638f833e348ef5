namespace MediaGen.Workflows.Overview;

/// <summary>Jobs in flight in one phase.</summary>
/// <param name="Phase">What they are doing: <c>pending</c> (not started), <c>generating</c>, <c>submitted</c>, <c>waiting</c> (for Pixazo), <c>retrying</c>, <c>copying</c>, <c>notifying</c>.</param>
/// <param name="Jobs">Jobs in this phase.</param>
public sealed record OverviewPhase(string Phase, int Jobs);
