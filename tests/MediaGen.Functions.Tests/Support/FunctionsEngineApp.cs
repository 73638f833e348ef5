using System.Reflection;
using System.Text;
using MediaGen.Engine;
using MediaGen.Functions.Http;
using MediaGen.Testing;
using MediaGen.Workflows;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace MediaGen.Functions.Tests.Support;

/// <summary>
/// The Functions app's services, built as <c>Program.cs</c> builds them (<see cref="FunctionsApp"/>), with the standalone
/// engine standing in for the Durable extension: its real <see cref="DurableTaskClient"/> over Azurite is what the
/// functions' <c>[DurableClient]</c> receives, and its worker runs the workflow classes with the app's services, so the
/// jobs the functions start really run. HTTP requests go through <see cref="HttpFunctionInvoker"/>; a loopback server
/// gives the app a reachable base address (Pixazo's webhooks from the simulator arrive there).
/// </summary>
internal sealed class FunctionsEngineApp : IAsyncDisposable
{
    private readonly IHost _app;
    private readonly DurableEngineWorker _worker;
    private readonly LoopbackHttpServer _server;

    private FunctionsEngineApp(IHost app, DurableEngineWorker worker, LoopbackHttpServer server, HttpFunctionInvoker invoker)
    {
        _app = app;
        _worker = worker;
        _server = server;
        Invoker = invoker;
    }

    /// <summary>The app's base address (the loopback server's).</summary>
    public Uri BaseAddress => _server.BaseAddress;

    /// <summary>The app's root services.</summary>
    public IServiceProvider Services => _app.Services;

    /// <summary>The client the functions are given.</summary>
    public DurableTaskClient Client => _app.Services.GetRequiredService<StandaloneDurableTaskClient>();

    /// <summary>Runs HTTP requests through the app's functions.</summary>
    public HttpFunctionInvoker Invoker { get; }

    /// <summary>
    /// Builds the app with the settings <paramref name="settings"/> gives for its base address (and
    /// <paramref name="configureServices"/>' changes), runs the start-up validation the worker's host runs when it starts
    /// (<see cref="IStartupValidator"/>: every <c>ValidateOnStart</c> option; a failure there stops the worker in Azure),
    /// and starts the engine worker.
    /// </summary>
    public static async Task<FunctionsEngineApp> StartAsync(
        Func<Uri, IReadOnlyDictionary<string, string?>> settings, Action<IServiceCollection>? configureServices = null)
    {
        HttpFunctionInvoker? invoker = null;
        var server = await LoopbackHttpServer.StartAsync(async http =>
        {
            if (invoker is null)
            {
                http.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                return;
            }

            await invoker.InvokeAsync(http, http.RequestAborted);
        });
        var builder = FunctionsApp.CreateBuilder(settings(server.BaseAddress));
        builder.Services.AddDurableEngine(builder.Configuration, engine =>
        {
            foreach (var orchestrator in WorkflowCatalog.Orchestrators)
            {
                engine.AddOrchestrator(orchestrator);
            }

            foreach (var activity in WorkflowCatalog.Activities)
            {
                engine.AddActivity(activity);
            }
        });
        configureServices?.Invoke(builder.Services);
        var app = builder.Build();
        try
        {
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (OptionsValidationException)
        {
            app.Dispose();
            await server.DisposeAsync();
            throw;
        }

        var worker = ActivatorUtilities.CreateInstance<DurableEngineWorker>(app.Services);
        await worker.StartAsync(CancellationToken.None);
        invoker = new HttpFunctionInvoker(app.Services, app.Services.GetRequiredService<StandaloneDurableTaskClient>());
        return new FunctionsEngineApp(app, worker, server, invoker);
    }

    /// <summary>
    /// Invokes a non-HTTP function as the worker does: the app's middleware runs (it lets non-HTTP functions through), the
    /// function's class is activated from a new scope of the app's services, and <paramref name="call"/> calls it.
    /// </summary>
    public async Task InvokeAsync<TFunction>(string functionName, Func<TFunction, Task> call)
        where TFunction : class
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var method = typeof(TFunction).GetMethods().Single(m => m.GetCustomAttribute<FunctionAttribute>()?.Name == functionName);
        var context = new TestFunctionContext(scope.ServiceProvider, new MetadataFunctionDefinition(functionName, method));
        await _app.Services.GetRequiredService<HttpApiMiddleware>().Invoke(context, _ =>
            call(ActivatorUtilities.CreateInstance<TFunction>(scope.ServiceProvider)));
    }

    /// <summary>
    /// Invokes the function routed for <paramref name="request"/> with a fresh <see cref="DefaultHttpContext"/> addressed
    /// to <see cref="BaseAddress"/>, and reads the answer.
    /// </summary>
    public async Task<HttpAnswer> SendAsync(ParityRequest request)
    {
        var http = new DefaultHttpContext();
        var target = new Uri(BaseAddress, request.PathAndQuery);
        http.Request.Method = request.Method;
        http.Request.Scheme = target.Scheme;
        http.Request.Host = new HostString(target.Host, target.Port);
        http.Request.Path = PathString.FromUriComponent(target.AbsolutePath);
        http.Request.QueryString = QueryString.FromUriComponent(target.Query);
        if (request.Key is not null)
        {
            http.Request.Headers["x-functions-key"] = request.Key;
        }

        var body = Encoding.UTF8.GetBytes(request.Body ?? "");
        if (request.Body is not null || request.Method == HttpMethods.Post)
        {
            // As an HTTP client sends it: a Content-Length (0 for a POST without a body).
            http.Request.Body = new MemoryStream(body);
            http.Request.ContentLength = body.Length;
        }

        http.Request.ContentType = request.ContentType;
        using var response = new MemoryStream();
        http.Response.Body = response;
        await Invoker.InvokeAsync(http);
        var headers = http.Response.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString()));
        return HttpAnswer.From(http.Response.StatusCode, headers, Encoding.UTF8.GetString(response.ToArray()));
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _worker.StopAsync(CancellationToken.None);
        _worker.Dispose();
        await _server.DisposeAsync();
        _app.Dispose();
    }
}
