namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>
/// Input of <see cref="LongActivity"/>: the step's key, how long it works at least, and, optionally, a file it then waits
/// for (the test creates it when what it checks during the work has happened, so the order is an event, not a race).
/// </summary>
public sealed record LongWork(string Key, TimeSpan Duration, string? HoldUntilFile = null);
