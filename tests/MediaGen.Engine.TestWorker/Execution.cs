namespace MediaGen.Engine.TestWorker;

/// <summary>One recorded activity execution: the step's key and the id of the process that ran it.</summary>
public sealed record Execution(string Key, int ProcessId);
