namespace MediaGen.Api;

/// <summary>Endpoint metadata: the OpenAPI document shows <paramref name="Example"/> as the example of the <paramref name="StatusCode"/> answer's <paramref name="ContentType"/>.</summary>
/// <param name="StatusCode">The answer's status code.</param>
/// <param name="ContentType">The answer's media type.</param>
/// <param name="Example">The example, as text (JSON text for a JSON media type).</param>
public sealed record DocumentedExample(int StatusCode, string ContentType, string Example);
