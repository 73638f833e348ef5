using MediaGen.Core.Providers.Validation;
using Microsoft.AspNetCore.Diagnostics;

namespace MediaGen.Host.Api;

/// <summary>
/// The one place an unexpected failure of a request ends: a 500 ProblemDetails carrying only a trace id
/// (the exception is logged, never sent). Failures that are the caller's fault and slipped past a route's
/// own checks (a malformed request Kestrel refused, a validation error) still answer 400.
/// </summary>
public sealed partial class GlobalExceptionHandler(IProblemDetailsService problems, ILogger<GlobalExceptionHandler> logger) : IExceptionHandler
{
    /// <inheritdoc />
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        ArgumentNullException.ThrowIfNull(exception);
        if (httpContext.Response.HasStarted)
        {
            return false;
        }

        var (status, title, detail) = exception switch
        {
            RequestValidationException invalid => (StatusCodes.Status400BadRequest, "The request is invalid",
                string.Join("; ", invalid.Errors.Select(e => $"{e.Field}: {e.Message}"))),
            BadHttpRequestException bad => (bad.StatusCode, "The request could not be read", bad.Message),
            OperationCanceledException when httpContext.RequestAborted.IsCancellationRequested =>
                (StatusCodes.Status499ClientClosedRequest, "The client closed the request", null),
            _ => (StatusCodes.Status500InternalServerError, "An unexpected error occurred",
                "The failure was logged; quote the trace id when reporting it."),
        };

        if (status >= 500)
        {
            LogUnhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure of {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, PathString path, Exception exception);
}
