namespace MediaGen.Workflows.Overview;

/// <summary>The jobs created in one interval of an overview, by status.</summary>
/// <param name="Start">The interval's start (UTC).</param>
/// <param name="Pending">Not started yet.</param>
/// <param name="Running">Running now.</param>
/// <param name="Completed">Finished and succeeded.</param>
/// <param name="Failed">Finished and failed.</param>
/// <param name="Canceled">Canceled.</param>
public sealed record OverviewInterval(DateTimeOffset Start, int Pending, int Running, int Completed, int Failed, int Canceled);
