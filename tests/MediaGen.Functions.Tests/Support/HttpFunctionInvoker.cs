using System.Reflection;
using MediaGen.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// Runs an HTTP request through the Functions app as the worker's ASP.NET Core integration does, minus the Functions host:
/// the route picks the function (<see cref="HttpFunctionRoutes"/>); the request gets a scope of the app's services as its
/// <c>RequestServices</c> (the invocation's services) and its route values; the app's <see cref="HttpApiMiddleware"/>
/// runs with the <c>HttpContext</c> where the integration puts it; the function's class is activated from that scope and
/// its method called with the request, route values, <paramref name="client"/> for <c>[DurableClient]</c> and the
/// cancellation token; the <see cref="IResult"/> it returns is executed on the <c>HttpContext</c>, as the integration's
/// proxying middleware does. No route: 404 with no body, as the Functions host answers.
/// </summary>
internal sealed class HttpFunctionInvoker(IServiceProvider services, DurableTaskClient client)
{
    /// <summary>Answers <paramref name="http"/>.</summary>
    public async Task InvokeAsync(HttpContext http, CancellationToken cancellationToken = default)
    {
        if (HttpFunctionRoutes.Match(http.Request.Method, http.Request.Path) is not { } match)
        {
            http.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        await using var scope = services.CreateAsyncScope();
        http.RequestServices = scope.ServiceProvider;
        http.Request.RouteValues = match.Values;
        var context = new TestFunctionContext(scope.ServiceProvider, new MetadataFunctionDefinition(match.Name, match.Method));
        context.Items["HttpRequestContext"] = http;

        object? result = null;
        await services.GetRequiredService<HttpApiMiddleware>().Invoke(context, async _ =>
            result = await CallAsync(match.Method, scope.ServiceProvider, http, cancellationToken));
        if (result is IResult answer)
        {
            await answer.ExecuteAsync(http);
        }
    }

    private async Task<object?> CallAsync(MethodInfo method, IServiceProvider instanceServices, HttpContext http, CancellationToken cancellationToken)
    {
        var target = method.IsStatic ? null : ActivatorUtilities.CreateInstance(instanceServices, method.DeclaringType!);
        var arguments = method.GetParameters().Select(p => p switch
        {
            _ when p.IsDefined(typeof(HttpTriggerAttribute)) => http.Request,
            _ when p.IsDefined(typeof(DurableClientAttribute)) => client,
            _ when p.ParameterType == typeof(CancellationToken) => cancellationToken,
            _ when p.ParameterType == typeof(string) && http.Request.RouteValues.TryGetValue(p.Name!, out var value) => (object?)value?.ToString(),
            // An optional catch-all ({*path}) matched by an empty path has no value: the worker binds null.
            _ when p.ParameterType == typeof(string) && new NullabilityInfoContext().Create(p).WriteState == NullabilityState.Nullable => null,
            _ => throw new NotSupportedException($"{method.DeclaringType!.Name}.{method.Name} has a parameter '{p.Name}' the HTTP harness cannot bind."),
        }).ToArray();
        var task = (Task)method.Invoke(target, arguments)!;
        await task;
        return task.GetType().GetProperty(nameof(Task<object>.Result))?.GetValue(task);
    }
}
