namespace MediaGen.Api;

/// <summary>
/// The API key of the keyed routes, as Azure Functions keys are sent: header <c>x-functions-key</c> or query <c>code</c>
/// (<see cref="ApiKeyRing"/> compares it in constant time); a missing or wrong key is a 401 ProblemDetails.
/// </summary>
public static class ApiKeyCheck
{
    /// <summary>The header carrying the key.</summary>
    public const string HeaderName = "x-functions-key";

    /// <summary>The query parameter carrying the key.</summary>
    public const string QueryName = "code";

    /// <summary>The key <paramref name="request"/> carries (the header, else the query), or null. A secret: never log it.</summary>
    public static string? GivenKey(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return request.Headers[HeaderName].FirstOrDefault() ?? request.Query[QueryName].FirstOrDefault();
    }

    /// <summary>
    /// The answer to a request <paramref name="keys"/> names no caller for: the 401 of <see cref="Unauthorized"/>, or — while
    /// no key is usable at all (each is an unresolved Key Vault reference) — a 503 <c>not_configured</c> naming the key
    /// settings, since no key could be accepted.
    /// </summary>
    public static IResult Refuse(ApiKeyRing keys, HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(request);
        return keys.HasUsableKey
            ? Unauthorized(keyGiven: GivenKey(request) is not null)
            : ProblemResults.NotConfigured(keys.UnresolvedSettings,
                $"No API key can be accepted yet: {string.Join(", ", keys.UnresolvedSettings)} hold Key Vault references that have not resolved.");
    }

    /// <summary>The 401 ProblemDetails for a request without a valid key.</summary>
    public static IResult Unauthorized(bool keyGiven) =>
        Results.Problem(
            title: "Unauthorized",
            detail: keyGiven ? "The API key is not valid." : $"Send the API key in the '{HeaderName}' header or the '{QueryName}' query parameter.",
            statusCode: StatusCodes.Status401Unauthorized);
}
