namespace MediaGen.StandInHost.Worker;

/// <summary>One function as the worker indexed it: what the host registers a trigger for and loads into each worker.</summary>
/// <param name="Name">The function's name (e.g. <c>StartJob</c>).</param>
/// <param name="FunctionId">The id the host loads it under and invokes it by.</param>
/// <param name="ScriptFile">The assembly, relative to the app directory.</param>
/// <param name="EntryPoint">The method's full name.</param>
/// <param name="Directory">The function's directory, when the worker names one.</param>
/// <param name="RawBindings">Each binding's JSON, as in <c>functions.metadata</c> (<c>type</c>, <c>name</c>, <c>direction</c> and the binding's own properties).</param>
/// <param name="Properties">The function's properties (e.g. <c>IsCodeless</c>).</param>
public sealed record WorkerFunctionMetadata(
    string Name,
    string FunctionId,
    string ScriptFile,
    string EntryPoint,
    string Directory,
    IReadOnlyList<string> RawBindings,
    IReadOnlyDictionary<string, string> Properties);
