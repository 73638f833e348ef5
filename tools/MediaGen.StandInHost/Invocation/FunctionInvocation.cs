namespace MediaGen.StandInHost.Invocation;

/// <summary>One invocation of a function of the app, as the WebJobs side bound it.</summary>
/// <param name="FunctionName">The function's name in the app's metadata (e.g. <c>StartJob</c>).</param>
/// <param name="InvocationId">The WebJobs invocation id (also sent to the worker and, for HTTP, in <c>x-ms-invocation-id</c>).</param>
/// <param name="Inputs">Each input binding's value by binding name (trigger first).</param>
/// <param name="TriggerMetadata">The trigger's binding data (e.g. a blob trigger's <c>name</c>), by name.</param>
/// <param name="Http">For an HTTP trigger: the incoming request, whose response the worker side writes.</param>
public sealed record FunctionInvocation(
    string FunctionName,
    string InvocationId,
    IReadOnlyList<NamedValue> Inputs,
    IReadOnlyDictionary<string, BindingValue> TriggerMetadata,
    HttpContext? Http = null);
