namespace MediaGen.Simulator.Pixazo;

/// <summary>
/// 401 body of the Azure API Management gateway in front of Pixazo (the
/// <c>Ocp-Apim-Subscription-Key</c> header is APIM's), which uses camel-case <c>statusCode</c>.
/// </summary>
public sealed record PixazoGatewayError(
    [property: JsonPropertyName("statusCode")] int StatusCode,
    [property: JsonPropertyName("message")] string Message);
