using Microsoft.AspNetCore.WebUtilities;

namespace MediaGen.Simulator;

/// <summary>Error bodies in each provider's shape.</summary>
public static class ProviderErrors
{
    /// <summary>
    /// The JSON error body <paramref name="provider"/> answers with. Pixazo: <c>{error, message}</c>
    /// as documented (401 in Azure API Management's <c>{statusCode, message}</c>, the gateway's own
    /// shape); Cosmic: <c>{status, message}</c> (the SDK reads <c>message</c>); CometAPI: the
    /// OpenAI-compatible <c>{error: {message, type, param, code}}</c>.
    /// </summary>
    public static string Json(SimulatedProvider provider, int statusCode, string message, string? code = null) => provider switch
    {
        SimulatedProvider.Cosmic => SimulatorJson.Serialize(new CosmicError(statusCode, message)),
        SimulatedProvider.Pixazo when statusCode == StatusCodes.Status401Unauthorized =>
            SimulatorJson.Serialize(new PixazoGatewayError(statusCode, message)),
        SimulatedProvider.Pixazo => SimulatorJson.Serialize(new PixazoError(PixazoTitle(statusCode), message)),
        _ => SimulatorJson.Serialize(new CometErrorResponse(new CometError(message, CometType(statusCode), null, code ?? CometCode(statusCode)))),
    };

    /// <summary>A message for an injected status that names no message of its own.</summary>
    public static string DefaultMessage(SimulatedProvider provider, int statusCode) => (provider, statusCode) switch
    {
        (SimulatedProvider.Pixazo, 402) => "Your wallet does not have enough balance.",
        (SimulatedProvider.Cosmic, 402) => "Insufficient AI tokens. Purchase a token pack or upgrade your plan.",
        (SimulatedProvider.Comet, 402) => "Insufficient quota. Please top up your CometAPI balance.",
        (_, 429) => "Rate limit exceeded. Please retry after the delay in the Retry-After header.",
        (_, >= 500) => "Simulated upstream failure.",
        _ => ReasonPhrases.GetReasonPhrase(statusCode),
    };

    private static string PixazoTitle(int statusCode) => statusCode switch
    {
        400 => "Bad Request",
        402 => "Insufficient Balance",
        403 => "Forbidden",
        404 => "Not Found",
        429 => "Too Many Requests",
        _ => ReasonPhrases.GetReasonPhrase(statusCode) is { Length: > 0 } phrase ? phrase : "Error",
    };

    private static string CometType(int statusCode) => statusCode switch
    {
        400 or 404 => "invalid_request_error",
        401 or 403 => "authentication_error",
        402 => "insufficient_quota",
        429 => "rate_limit_error",
        _ => "server_error",
    };

    private static string? CometCode(int statusCode) => statusCode switch
    {
        401 => "invalid_api_key",
        402 => "insufficient_quota",
        429 => "rate_limit_exceeded",
        _ => null,
    };
}
