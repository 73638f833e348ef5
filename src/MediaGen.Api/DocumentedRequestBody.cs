namespace MediaGen.Api;

/// <summary>
/// Endpoint metadata: the OpenAPI document shows <see cref="Type"/> as the JSON request body, without the
/// content-type matching <c>Accepts</c> would add (for senders that may not label their JSON).
/// </summary>
/// <param name="Type">The documented body type.</param>
public sealed record DocumentedRequestBody(Type Type);
