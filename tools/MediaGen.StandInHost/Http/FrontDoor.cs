using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Azure.WebJobs.Host;

namespace MediaGen.StandInHost.Http;

/// <summary>
/// The host's HTTP front door: Kestrel on a loopback port; a request matching an HTTP function's route and methods calls
/// that function through the WebJobs host (<c>JobHost.CallAsync</c> with the request's <see cref="HttpContext"/>, its
/// route values set), whose worker side proxies it to the worker and writes the worker's response. No route: 404; a
/// disabled function: 404; a function that failed before the worker answered: 500, as the Functions host answers.
/// <c>GET/POST/DELETE /runtime/webhooks/&lt;extension&gt;[/…]</c> goes to that extension's own HTTP handler
/// (<see cref="StandInWebHookProvider"/>), as the Functions host routes it: e.g. Event Grid's BlobCreated events for a blob
/// trigger with the Event Grid source (<c>/runtime/webhooks/blobs?functionName=Host.Functions.&lt;name&gt;</c>). The
/// Functions host asks for the extension's system key there; this host checks no keys.
/// </summary>
public sealed partial class FrontDoor(
    HttpRouteTable routes,
    FrontDoorAddress address,
    IJobHost jobHost,
    StandInWebHookProvider webHooks,
    IConfiguration configuration,
    ILogger<FrontDoor> logger) : IHostedService, IAsyncDisposable
{
    private static readonly PathString WebHooksPath = new("/runtime/webhooks");

    private WebApplication? _web;

    /// <summary>Starts listening on <see cref="FrontDoorAddress"/>.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(System.Net.IPAddress.Loopback, address.Port));
        _web = builder.Build();
        _web.Run(HandleAsync);
        await _web.StartAsync(cancellationToken);
        LogListening(logger, address.BaseUri, routes.Routes.Count);
    }

    /// <summary>Stops listening, letting requests in flight finish.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_web is not null)
        {
            await _web.StopAsync(cancellationToken);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_web is not null)
        {
            await _web.DisposeAsync();
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        if (ExtensionWebHook(context.Request) is { } name)
        {
            await ExtensionWebHookAsync(context, name);
            return;
        }

        if (routes.Match(context.Request.Method, context.Request.Path) is not { } match
            || IsDisabled(match.Route.FunctionName))
        {
            await Results.Problem(
                    statusCode: StatusCodes.Status404NotFound,
                    detail: $"No function serves {context.Request.Method} {context.Request.Path}.")
                .ExecuteAsync(context);
            return;
        }

        context.Request.RouteValues = match.Values;
        try
        {
            await jobHost.CallAsync(match.Route.FunctionName, new Dictionary<string, object> { ["req"] = context }, context.RequestAborted);
        }
        catch (FunctionInvocationException e) when (!context.Response.HasStarted)
        {
            LogFailed(logger, match.Route.FunctionName, e.InnerException?.Message ?? e.Message);
            context.Response.Clear();
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
        }
    }

    /// <summary>The extension named by a <c>/runtime/webhooks/&lt;extension&gt;[/…]</c> request with a method the Functions host accepts there.</summary>
    private static string? ExtensionWebHook(HttpRequest request) =>
        (HttpMethods.IsGet(request.Method) || HttpMethods.IsPost(request.Method) || HttpMethods.IsDelete(request.Method))
        && request.Path.StartsWithSegments(WebHooksPath, StringComparison.OrdinalIgnoreCase, out var rest)
        && rest.Value?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [var name, ..]
            ? name
            : null;

    private async Task ExtensionWebHookAsync(HttpContext context, string name)
    {
        if (!webHooks.TryGetHandler(name, out var handler))
        {
            await Results.Problem(statusCode: StatusCodes.Status404NotFound, detail: $"No extension has the webhook '{name}'.").ExecuteAsync(context);
            return;
        }

        using var request = new HttpRequestMessage(new HttpMethod(context.Request.Method), new Uri(address.BaseUri, context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent()));
        if (context.Request.ContentLength > 0 || context.Request.Headers.TransferEncoding.Count > 0)
        {
            request.Content = new StreamContent(context.Request.Body);
        }

        foreach (var (header, values) in context.Request.Headers)
        {
            if (!request.Headers.TryAddWithoutValidation(header, (IEnumerable<string?>)values))
            {
                request.Content?.Headers.TryAddWithoutValidation(header, (IEnumerable<string?>)values);
            }
        }

        using var response = await handler.ConvertAsync(request, context.RequestAborted);
        context.Response.StatusCode = (int)response.StatusCode;
        foreach (var (header, values) in response.Headers.Concat(response.Content.Headers))
        {
            if (!string.Equals(header, "Transfer-Encoding", StringComparison.OrdinalIgnoreCase))
            {
                context.Response.Headers[header] = values.ToArray();
            }
        }

        await response.Content.CopyToAsync(context.Response.Body, context.RequestAborted);
    }

    private bool IsDisabled(string function) =>
        configuration[$"AzureWebJobs.{function}.Disabled"] is { } value
        && (value == "1" || (bool.TryParse(value, out var disabled) && disabled));

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP front door listening on {Address} ({Routes} routes)")]
    private static partial void LogListening(ILogger logger, Uri address, int routes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP function {Function} failed: {Failure}")]
    private static partial void LogFailed(ILogger logger, string function, string failure);
}
