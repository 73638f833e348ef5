using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace MediaGen.Host.Api;

/// <summary>
/// Requires the API key, as Azure Functions does for function-level routes: header <c>x-functions-key</c>
/// or query <c>code</c>, compared in constant time. A missing or wrong key is a 401 ProblemDetails.
/// </summary>
public sealed class ApiKeyFilter(IOptions<ApiKeyOptions> options) : IEndpointFilter
{
    /// <summary>The header carrying the key.</summary>
    public const string HeaderName = "x-functions-key";

    /// <summary>The query parameter carrying the key.</summary>
    public const string QueryName = "code";

    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.Key);

    /// <inheritdoc />
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var request = context.HttpContext.Request;
        var given = request.Headers[HeaderName].FirstOrDefault() ?? request.Query[QueryName].FirstOrDefault();
        if (given is null || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), _key))
        {
            return ValueTask.FromResult<object?>(Results.Problem(
                title: "Unauthorized",
                detail: given is null
                    ? $"Send the API key in the '{HeaderName}' header or the '{QueryName}' query parameter."
                    : "The API key is not valid.",
                statusCode: StatusCodes.Status401Unauthorized));
        }

        return next(context);
    }
}
