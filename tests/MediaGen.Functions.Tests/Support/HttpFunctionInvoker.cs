using System.Reflection;
using MediaGen.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// Runs an HTTP request through the Functions app as the worker's ASP.NET Core integration does, minus the Functions host:
/// the route picks the function (<see cref="HttpFunctionRoutes"/>) and sets the request's route values; the invocation
/// runs through the integration's own coordinator and proxying middleware (<see cref="WorkerHttpPipeline"/>), which run the
/// app's <see cref="HttpApiMiddleware"/> and execute the <see cref="IResult"/> the invocation ends with on the
/// <c>HttpContext</c>; the function's class is activated from the invocation's services and its method called with the
/// request, route values, <paramref name="client"/> for <c>[DurableClient]</c> and the cancellation token. No route: 404
/// with no body, as the Functions host answers.
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
        http.Request.RouteValues = match.Values;
        await WorkerHttpPipeline.RunAsync(services, scope.ServiceProvider, new MetadataFunctionDefinition(match.Name, match.Method), http,
            context => CallAsync(match.Method, context.InstanceServices, http, cancellationToken));
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
