using Microsoft.AspNetCore.Diagnostics;

namespace MediaGen.Host.Api;

/// <summary>
/// The one place an unexpected failure of a request ends, answered as the Functions app's middleware answers it
/// (<see cref="UnhandledProblems"/>): the caller's faults that slipped past a route's own checks as 400-class
/// ProblemDetails, anything else as a 500 carrying only a trace id (the exception is logged, never sent).
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

        var (status, title, detail) = UnhandledProblems.Describe(exception, httpContext);
        if (UnhandledProblems.StorageOutage(exception) is { } reason)
        {
            LogStorageUnavailable(logger, httpContext.Request.Method, httpContext.Request.Path, reason);
        }
        else if (status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, httpContext.Request.Method, httpContext.Request.Path, exception);
        }

        httpContext.Response.StatusCode = status;
        UnhandledProblems.AddRetryAfter(httpContext.Response, exception);
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        }).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Method} {Path} answered 503: storage is unavailable ({Reason})")]
    private static partial void LogStorageUnavailable(ILogger logger, string method, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure of {Method} {Path}")]
    private static partial void LogUnhandled(ILogger logger, string method, PathString path, Exception exception);
}
