using Microsoft.Azure.Functions.Worker.Middleware;

namespace MediaGen.Functions.Http;

/// <summary>
/// What the standalone host's pipeline does around its routes, for the HTTP functions: an API key on every route but
/// <see cref="OpenFunctions"/> (any caller's key of <see cref="ApiKeyRing"/>, as the standalone host's filter; else the
/// 401 — or, while no key has resolved, the 503 — of <see cref="ApiKeyCheck.Refuse"/>), and a ProblemDetails answer for a
/// failure that escaped the route (<see cref="UnhandledProblems"/>), logged, instead of the Functions host's empty 500.
/// Every answer is the invocation's result, which the worker's ASP.NET Core integration executes after this middleware
/// returns: a refusal and a failure are handed over as results too (a response written here with no result reads to the
/// integration as a function that returned nothing), and a function's own result is wrapped so that a failure while it
/// executes (the text stream's events) is still answered as a ProblemDetails, or logged with the route once the response
/// has started. Other triggers pass through.
/// </summary>
public sealed partial class HttpApiMiddleware(
    ApiKeyRing keys, IProblemDetailsService problems, ILogger<HttpApiMiddleware> logger) : IFunctionsWorkerMiddleware
{
    /// <summary>
    /// The HTTP functions callers reach without the API key: health, the webhook (its per-job secret is the credential) and
    /// the dashboard's static files (they hold no data; the page sends the key with every API call).
    /// </summary>
    public static IReadOnlySet<string> OpenFunctions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        nameof(HealthHttpFunctions.Health), nameof(HealthHttpFunctions.HealthReady), nameof(HealthHttpFunctions.HealthLive),
        nameof(WebhookHttpFunctions.ReceivePixazoWebhook), nameof(DashboardHttpFunctions.Dashboard),
    };

    /// <inheritdoc />
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (context.GetHttpContext() is not { } http)
        {
            await next(context);
            return;
        }

        var function = context.FunctionDefinition.Name;
        if (!OpenFunctions.Contains(function) && keys.CallerOf(http.Request) is null)
        {
            context.GetInvocationResult().Value = ApiKeyCheck.Refuse(keys, http.Request);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            // The one place a failed request ends, as the standalone host's exception handler: answered, logged, not rethrown.
            context.GetInvocationResult().Value = new FailureResult(this, function, ex);
            return;
        }

        var invocation = context.GetInvocationResult();
        if (invocation.Value is IResult result)
        {
            invocation.Value = new GuardedResult(this, function, result);
        }
    }

    /// <summary>Answers <paramref name="exception"/> as a ProblemDetails on a response that has not started; logs a server-side failure.</summary>
    private async Task AnswerAsync(HttpContext http, string function, Exception exception)
    {
        var (status, title, detail) = UnhandledProblems.Describe(exception, http);
        if (UnhandledProblems.StorageOutage(exception) is { } reason)
        {
            LogStorageUnavailable(logger, function, http.Request.Method, http.Request.Path, reason);
        }
        else if (status >= StatusCodes.Status500InternalServerError)
        {
            LogUnhandled(logger, function, http.Request.Method, http.Request.Path, exception);
        }

        UnhandledProblems.ClearResponse(http.Response);
        http.Response.StatusCode = status;
        UnhandledProblems.AddRetryAfter(http.Response, exception);
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            Exception = exception,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }

    private void LogAfterStart(HttpContext http, string function, Exception exception) =>
        LogFailedAfterStart(logger, function, http.Request.Method, http.Request.Path, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Function {Function} ({Method} {Path}) answered 503: storage is unavailable ({Reason})")]
    private static partial void LogStorageUnavailable(ILogger logger, string function, string method, PathString path, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure of function {Function} ({Method} {Path})")]
    private static partial void LogUnhandled(ILogger logger, string function, string method, PathString path, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failure of function {Function} ({Method} {Path}) after its response had started; the response is cut short")]
    private static partial void LogFailedAfterStart(ILogger logger, string function, string method, PathString path, Exception exception);

    /// <summary>The ProblemDetails answer of a failure that escaped the function.</summary>
    private sealed class FailureResult(HttpApiMiddleware owner, string function, Exception exception) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext) => owner.AnswerAsync(httpContext, function, exception);
    }

    /// <summary>A function's result, executed so that a failure while it runs is answered or logged as a route's failure is.</summary>
    private sealed class GuardedResult(HttpApiMiddleware owner, string function, IResult inner) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            try
            {
                await inner.ExecuteAsync(httpContext);
            }
            catch (Exception ex) when (!httpContext.Response.HasStarted)
            {
                await owner.AnswerAsync(httpContext, function, ex);
            }
            catch (OperationCanceledException) when (httpContext.RequestAborted.IsCancellationRequested)
            {
                // The caller went away mid-answer: nobody is left to tell, as on the standalone host.
            }
            catch (Exception ex)
            {
                // Too late for a ProblemDetails: logged with the route, and rethrown so the invocation counts as failed.
                owner.LogAfterStart(httpContext, function, ex);
                throw;
            }
        }
    }
}
