namespace MediaGen.StandInHost.Worker;

/// <summary>A loaded function with what invoking it needs beyond its metadata.</summary>
/// <param name="Metadata">The function as the worker indexed it.</param>
/// <param name="HttpTriggerBinding">The name of its HTTP trigger binding, when it has one.</param>
internal sealed record IndexedFunction(WorkerFunctionMetadata Metadata, string? HttpTriggerBinding);
