using System.Security.Cryptography;
using System.Text;

namespace MediaGen.Api;

/// <summary>
/// The API key check of the keyed routes, as Azure Functions keys are sent: header <c>x-functions-key</c> or query
/// <c>code</c>, compared in constant time; a missing or wrong key is a 401 ProblemDetails.
/// </summary>
public static class ApiKeyCheck
{
    /// <summary>The header carrying the key.</summary>
    public const string HeaderName = "x-functions-key";

    /// <summary>The query parameter carrying the key.</summary>
    public const string QueryName = "code";

    /// <summary>The 401 answer when <paramref name="request"/> lacks <paramref name="key"/>; null when it carries it.</summary>
    public static IResult? Refuse(HttpRequest request, ReadOnlySpan<byte> key)
    {
        ArgumentNullException.ThrowIfNull(request);
        var given = request.Headers[HeaderName].FirstOrDefault() ?? request.Query[QueryName].FirstOrDefault();
        if (given is not null && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), key))
        {
            return null;
        }

        return Results.Problem(
            title: "Unauthorized",
            detail: given is null ? $"Send the API key in the '{HeaderName}' header or the '{QueryName}' query parameter." : "The API key is not valid.",
            statusCode: StatusCodes.Status401Unauthorized);
    }
}
