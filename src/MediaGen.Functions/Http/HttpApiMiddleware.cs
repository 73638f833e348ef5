using MediaGen.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace MediaGen.Functions.Http;

/// <summary>
/// What the standalone host's pipeline does around its routes, for the HTTP functions: an API key on every route but
/// <see cref="OpenFunctions"/> (any caller's key of <see cref="ApiKeyRing"/>, as the standalone host's filter; else a 401
/// ProblemDetails), and a ProblemDetails answer for a failure that escaped the route
/// (<see cref="UnhandledProblems"/>), logged, instead of the Functions host's empty 500. Other triggers pass through.
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

        if (!OpenFunctions.Contains(context.FunctionDefinition.Name) && keys.CallerOf(http.Request) is null)
        {
            await ApiKeyCheck.Unauthorized(keyGiven: ApiKeyCheck.GivenKey(http.Request) is not null).ExecuteAsync(http);
            return;
        }

        try
        {
            await next(context);
        }
        catch (Exception ex) when (!http.Response.HasStarted)
        {
            // The one place a failed request ends, as the standalone host's exception handler: answered, logged, not rethrown.
            var (status, title, detail) = UnhandledProblems.Describe(ex, http);
            if (status >= StatusCodes.Status500InternalServerError)
            {
                LogUnhandled(logger, context.FunctionDefinition.Name, ex);
            }

            UnhandledProblems.ClearResponse(http.Response);
            http.Response.StatusCode = status;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                Exception = ex,
                ProblemDetails = { Status = status, Title = title, Detail = detail },
            });
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled failure of function {Function}")]
    private static partial void LogUnhandled(ILogger logger, string function, Exception exception);
}
