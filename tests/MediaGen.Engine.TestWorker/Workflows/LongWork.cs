namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Input of <see cref="LongActivity"/>: the step's key and how long it works.</summary>
public sealed record LongWork(string Key, TimeSpan Duration);
