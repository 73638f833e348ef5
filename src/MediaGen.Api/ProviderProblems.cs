namespace MediaGen.Api;

/// <summary>Answers for a provider failure that happens while a request waits (only the streaming route does).</summary>
public static class ProviderProblems
{
    /// <summary>
    /// A ProblemDetails with the provider, its error type (<c>error_type</c>) and the provider's own message:
    /// 400 when the provider refused the request as invalid or by content policy, 429 (with <c>Retry-After</c>)
    /// when rate limited, 503 when not configured, 504 on timeout, 502 otherwise.
    /// </summary>
    public static IResult From(ProviderException exception, HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(httpContext);
        var status = exception.ErrorType switch
        {
            ProviderErrorType.InvalidRequest or ProviderErrorType.ContentPolicy => StatusCodes.Status400BadRequest,
            ProviderErrorType.RateLimited => StatusCodes.Status429TooManyRequests,
            ProviderErrorType.NotConfigured => StatusCodes.Status503ServiceUnavailable,
            ProviderErrorType.Timeout => StatusCodes.Status504GatewayTimeout,
            _ => StatusCodes.Status502BadGateway,
        };
        if (exception.RetryAfter is { } retryAfter)
        {
            httpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return Results.Problem(
            title: $"{exception.Provider} failed",
            detail: exception.ProviderMessage ?? exception.Message,
            statusCode: status,
            extensions: new Dictionary<string, object?>
            {
                ["provider"] = exception.Provider.ToString().ToLowerInvariant(),
                ["error_type"] = ProviderErrorText(exception.ErrorType),
            });
    }

    /// <summary>The snake_case name of an error type, as job errors carry it.</summary>
    public static string ProviderErrorText(ProviderErrorType type) =>
        string.Concat(type.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
