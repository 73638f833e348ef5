using MediaGen.Core.Providers.Validation;

namespace MediaGen.Api;

/// <summary>
/// How a failure that escaped a route's own handling is answered: the caller's faults (a validation error, a request
/// that could not be read) as 400-class ProblemDetails, a closed request as 499, anything else as a 500 that says only
/// that the failure was logged (the exception itself is never sent).
/// </summary>
public static class UnhandledProblems
{
    /// <summary>The status, title and detail of the ProblemDetails answering <paramref name="exception"/>.</summary>
    public static (int Status, string Title, string? Detail) Describe(Exception exception, HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(exception);
        ArgumentNullException.ThrowIfNull(httpContext);
        return exception switch
        {
            RequestValidationException invalid => (StatusCodes.Status400BadRequest, "The request is invalid",
                string.Join("; ", invalid.Errors.Select(e => $"{e.Field}: {e.Message}"))),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read", bad.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                (StatusCodes.Status499ClientClosedRequest, "The client closed the request", null),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred",
                "The failure was logged; quote the trace id when reporting it."),
        };
    }
}
