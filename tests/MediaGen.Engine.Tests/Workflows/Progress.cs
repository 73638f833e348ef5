namespace MediaGen.Engine.Tests.Workflows;

/// <summary>A custom status.</summary>
public sealed record Progress(int Done, int Total);
