using System.Diagnostics;

namespace MediaGen.Host.Api;

/// <summary>
/// Logs each request as method, path, status and duration, and a failure after the response started with its route — never the query string, which carries webhook secrets
/// (<c>?secret=</c>) and API keys (<c>?code=</c>). ASP.NET Core's own request lines log the whole URL, so the host
/// raises their category to Warning for every provider (<see cref="QuietHostingDiagnostics"/>).
/// </summary>
public sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    /// <summary>The category whose request lines include the query string.</summary>
    public const string HostingDiagnosticsCategory = "Microsoft.AspNetCore.Hosting.Diagnostics";

    /// <summary>Runs the rest of the pipeline and logs the outcome.</summary>
    public async Task InvokeAsync(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        catch (Exception ex) when (context.Response.HasStarted && !(ex is OperationCanceledException or IOException && context.RequestAborted.IsCancellationRequested))
        {
            // Too late for the exception handler's ProblemDetails (it only notes that the response had started): name the
            // route here, and let the failure go on to cut the response short.
            LogFailedAfterStart(logger, context.Request.Method, (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText, context.Request.Path, ex);
            throw;
        }
        finally
        {
            LogRequest(logger, context.Request.Method, context.Request.Path, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    /// <summary>
    /// Raises <see cref="HostingDiagnosticsCategory"/> to at least Warning for every provider. A provider-specific level
    /// (<c>Logging:Console:LogLevel:Default=Debug</c>) outranks a category rule without a provider, so the host adds the
    /// category rule once per provider named in the rules, after all configuration is applied (a post-configure action).
    /// </summary>
    public static void QuietHostingDiagnostics(LoggerFilterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var providers = options.Rules.Select(r => r.ProviderName).Append(null).Distinct().ToList();
        foreach (var provider in providers)
        {
            var explicitLevel = options.Rules
                .Where(r => r.ProviderName == provider && r.CategoryName == HostingDiagnosticsCategory && r.LogLevel is not null)
                .Select(r => r.LogLevel!.Value)
                .DefaultIfEmpty(LogLevel.Warning)
                .Last();
            options.Rules.Add(new LoggerFilterRule(provider, HostingDiagnosticsCategory, explicitLevel > LogLevel.Warning ? explicitLevel : LogLevel.Warning, null));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Failure of {Method} {Route} ({Path}) after its response had started; the response is cut short")]
    private static partial void LogFailedAfterStart(ILogger logger, string method, string? route, PathString path, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP {Method} {Path} -> {StatusCode} in {ElapsedMs:0.0} ms")]
    private static partial void LogRequest(ILogger logger, string method, PathString path, int statusCode, double elapsedMs);
}
