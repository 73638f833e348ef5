namespace MediaGen.Demo;

/// <summary>A job the demo started: what it is, its id, and how it was submitted.</summary>
internal sealed record DemoJob(string Label, string Id, string Via);
