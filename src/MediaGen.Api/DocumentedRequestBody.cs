namespace MediaGen.Api;

/// <summary>
/// Endpoint metadata: the OpenAPI document shows <see cref="Type"/> as the JSON request body, without the
/// content-type matching <c>Accepts</c> would add: routing would answer a wrong content type with its own 415 before
/// the API key is checked, which the Functions host cannot do. <see cref="RequestBody"/> checks the content type instead,
/// alike in both hosts (a body without one is read as JSON, for senders that do not label it).
/// </summary>
/// <param name="Type">The documented body type.</param>
public sealed record DocumentedRequestBody(Type Type);
