namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Input of <see cref="SlowActivity"/>: a run key and how long to work.</summary>
public sealed record SlowWork(string Key, TimeSpan Duration);
