namespace MediaGen.Functions.Tests.Support;

/// <summary>An orchestration instance the job service started: its id, orchestrator name, stored input JSON and creation time.</summary>
public sealed record StartedInstance(string Id, string Name, string Input, DateTime CreatedAt);
