namespace MediaGen.Engine.TestWorker.Workflows;

/// <summary>Input of <see cref="OrderOrchestrator"/>.</summary>
public sealed record Order(string Item, int Quantity);
