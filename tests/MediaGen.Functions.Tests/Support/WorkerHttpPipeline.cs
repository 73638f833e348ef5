using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Azure.Functions.Worker.Middleware;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// One HTTP function invocation through the worker's own ASP.NET Core integration (the package's internal types, taken
/// from the app's services as <c>ConfigureFunctionsWebApplication</c> registered them): on the ASP.NET Core side the
/// request is handed to its <c>IHttpCoordinator</c> (as its <c>WorkerRequestServicesMiddleware</c> does, which also makes
/// the invocation's services the request's) and the function is started (as its endpoint does); on the worker side its
/// <c>FunctionsHttpProxyingMiddleware</c> puts the <c>HttpContext</c> into the invocation, runs the app's
/// <see cref="HttpApiMiddleware"/> around the function, then executes the invocation's result on the <c>HttpContext</c> —
/// or logs "No HTTP response returned" (its <c>NoHttpResponseReturned</c> event) when there is none it can execute.
/// Stand-ins: the Functions host's gRPC invocation and HTTP proxying, and the worker's function executor (<c>function</c>
/// here: its return value becomes the invocation's result, as the executor stores it).
/// </summary>
internal static class WorkerHttpPipeline
{
    private const string Namespace = "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore.";

    private static readonly System.Reflection.Assembly Integration = typeof(FunctionsApplicationBuilderAspNetCoreExtensions).Assembly;

    private static readonly Type Coordinator = Integration.GetType(Namespace + "IHttpCoordinator", throwOnError: true)!;

    private static readonly Type ProxyingMiddleware = Integration.GetType(Namespace + "FunctionsHttpProxyingMiddleware", throwOnError: true)!;

    /// <summary>
    /// Runs <paramref name="definition"/>'s invocation for <paramref name="http"/> with <paramref name="instanceServices"/>
    /// (a scope of <paramref name="app"/>'s services); completes when both sides have. A failure the worker side ends with
    /// (one the integration would report as the invocation's failure) is thrown.
    /// </summary>
    public static async Task RunAsync(
        IServiceProvider app, IServiceProvider instanceServices, FunctionDefinition definition, HttpContext http, Func<FunctionContext, Task<object?>> function)
    {
        var invocationId = Guid.NewGuid().ToString();
        http.Request.Headers["x-ms-invocation-id"] = invocationId;
        var context = new TestFunctionContext(instanceServices, definition, invocationId);
        var coordinator = app.GetRequiredService(Coordinator);
        var proxying = (IFunctionsWorkerMiddleware)ActivatorUtilities.GetServiceOrCreateInstance(app, ProxyingMiddleware);
        var api = app.GetRequiredService<HttpApiMiddleware>();

        var worker = proxying.Invoke(context, c => api.Invoke(c, async f => f.GetInvocationResult().Value = await function(f)));
        var functionContext = await Call<Task<FunctionContext>>(coordinator, "SetHttpContextAsync", invocationId, http);
        http.RequestServices = functionContext.InstanceServices;
        await Call<Task>(coordinator, "RunFunctionInvocationAsync", invocationId);
        await worker;
    }

    private static T Call<T>(object coordinator, string method, params object[] arguments) =>
        (T)Coordinator.GetMethod(method)!.Invoke(coordinator, arguments)!;
}
