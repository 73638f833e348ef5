namespace MediaGen.Engine.Tests.Workflows;

/// <summary>Orchestration time before and after a durable timer.</summary>
public sealed record TimerResult(DateTime Before, DateTime After);
