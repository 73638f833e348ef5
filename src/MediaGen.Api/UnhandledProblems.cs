namespace MediaGen.Api;

/// <summary>
/// How a failure that escaped a route's own handling is answered: the caller's faults (a validation error, a request
/// that could not be read, a body that is not JSON) as 400-class ProblemDetails, work needing a secret the app lacks as 503,
/// storage that cannot be reached as 503 with <c>Retry-After</c>, a closed request as 499, anything else as a 500 that says only
/// that the failure was logged (the exception itself is never sent).
/// </summary>
public static class UnhandledProblems
{
    /// <summary>
    /// Readies <paramref name="response"/> for the ProblemDetails of an escaped failure as ASP.NET Core's exception handler
    /// middleware does on the standalone host: whatever the route had set is cleared, and the answer is not to be cached
    /// (<c>Cache-Control: no-store, no-cache</c>, <c>Pragma: no-cache</c>, <c>Expires: -1</c>). The Functions app's
    /// middleware calls it, so both hosts send the same headers.
    /// </summary>
    public static void ClearResponse(HttpResponse response)
    {
        ArgumentNullException.ThrowIfNull(response);
        response.Clear();
        response.Headers.CacheControl = "no-store, no-cache";
        response.Headers.Pragma = "no-cache";
        response.Headers.Expires = "-1";
    }

    /// <summary>How long a caller is asked to wait (<c>Retry-After</c>) when storage is unavailable. 5 s.</summary>
    public static readonly TimeSpan StorageRetryAfter = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Adds <c>Retry-After</c> to the answer of <paramref name="exception"/> when it is a storage outage (a 503 a retry
    /// can fix: a Pixazo webhook or a caller's request is to be sent again, not given up).
    /// </summary>
    public static void AddRetryAfter(HttpResponse response, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(exception);
        if (StorageOutage(exception) is not null)
        {
            response.Headers.RetryAfter = ((int)StorageRetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// Why storage is unavailable, in one line, when <paramref name="exception"/> says it is (answered 503 with
    /// <c>Retry-After</c>, logged as a warning, not as an unhandled failure); null otherwise.
    /// </summary>
    public static string? StorageOutage(Exception exception) => Health.StorageFailure.UnavailableReason(exception);

    /// <summary>The status, title and detail of the ProblemDetails answering <paramref name="exception"/>.</summary>
    public static (int Status, string Title, string? Detail) Describe(Exception exception, HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(httpContext);
        return exception switch
        {
            RequestValidationException invalid => (ProblemResults.StatusOf(invalid.Errors), ProblemResults.TitleOf(ProblemResults.StatusOf(invalid.Errors)),
                string.Join("; ", invalid.Errors.Select(e => $"{e.Field}: {e.Message}"))),
            NotConfiguredException notConfigured => (StatusCodes.Status503ServiceUnavailable, "Not configured", notConfigured.Message),
            BadHttpRequestException { StatusCode: StatusCodes.Status415UnsupportedMediaType } bad =>
                (bad.StatusCode, "Unsupported media type", bad.Message),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read", bad.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                (StatusCodes.Status499ClientClosedRequest, "The client closed the request", null),
            _ when StorageOutage(exception) is not null => (StatusCodes.Status503ServiceUnavailable, "Storage unavailable",
                $"The storage account could not be reached; retry after {StorageRetryAfter.TotalSeconds:0} s."),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred",
                "The failure was logged; quote the trace id when reporting it."),
        };
    }
}
