namespace MediaGen.Workflows.Overview;

/// <summary>What computing an overview read from the engine's instance store.</summary>
/// <param name="Instances">Instances read (every orchestration of the window, and the ones in flight).</param>
/// <param name="Pages">Pages of up to 1,000 instances queried from the instance store.</param>
/// <param name="Complete">False when the window held more than the overview reads (<see cref="JobOverviewReader.MaxInstances"/>): the figures then count the first ones only.</param>
public sealed record OverviewRead(int Instances, int Pages, bool Complete);
