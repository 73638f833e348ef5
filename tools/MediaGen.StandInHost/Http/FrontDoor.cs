using MediaGen.StandInHost.Extensions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MediaGen.StandInHost.Http;

/// <summary>
/// The host's HTTP front door: Kestrel on a loopback port; a request matching an HTTP function's route and methods calls
/// that function through the WebJobs host (<c>JobHost.CallAsync</c> with the request's <see cref="HttpContext"/>, its
/// route values set), whose worker side proxies it to the worker and writes the worker's response. No route: 404; a
/// disabled function: 404; a function that failed before the worker answered: 500, as the Functions host answers.
/// </summary>
public sealed partial class FrontDoor(
    HttpRouteTable routes,
    FrontDoorAddress address,
    IJobHost jobHost,
    IConfiguration configuration,
    ILogger<FrontDoor> logger) : IHostedService, IAsyncDisposable
{
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

    private bool IsDisabled(string function) =>
        configuration[$"AzureWebJobs.{function}.Disabled"] is { } value
        && (value == "1" || (bool.TryParse(value, out var disabled) && disabled));

    [LoggerMessage(Level = LogLevel.Information, Message = "HTTP front door listening on {Address} ({Routes} routes)")]
    private static partial void LogListening(ILogger logger, Uri address, int routes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "HTTP function {Function} failed: {Failure}")]
    private static partial void LogFailed(ILogger logger, string function, string failure);
}
