using MediaGen.Api;
using MediaGen.Core.Providers.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace MediaGen.Functions.Tests.Http;

/// <summary>
/// The HTTP functions' API key and failure answers (<see cref="HttpApiMiddleware"/>, resolved from the app as Program.cs
/// builds it), run with a real ASP.NET Core <see cref="HttpContext"/> through the worker's own ASP.NET Core integration
/// (<see cref="WorkerHttpPipeline"/>), which executes the invocation's result; the function is a stand-in.
/// </summary>
public sealed class HttpApiMiddlewareTests : IDisposable
{
    private const string IntegrationCategory = "Microsoft.Azure.Functions.Worker.Extensions.Http.AspNetCore";

    private readonly LogCapture _logs = new();
    private readonly IHost _app;
    private bool _ran;

    public HttpApiMiddlewareTests()
    {
        var builder = FunctionsApp.CreateBuilder();
        _logs.Install(builder.Services);
        _app = builder.Build();
    }

    [Fact]
    public async Task Invoke_KeyedFunctionWithoutKey_Answers401ProblemAndDoesNotRun()
    {
        var (http, problem) = await InvokeAsync("StartJob", _ => { });

        Assert.False(_ran);
        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        Assert.Equal("Send the API key in the 'x-functions-key' header or the 'code' query parameter.", problem!.Value.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Invoke_KeyedFunctionWithWrongKey_Answers401Problem()
    {
        var (http, problem) = await InvokeAsync("GetJob", r => r.Headers["x-functions-key"] = FunctionsApp.ApiKey + "x");

        Assert.False(_ran);
        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        Assert.Equal("The API key is not valid.", problem!.Value.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Invoke_KeyInHeaderOrQuery_RunsTheFunction(bool inHeader)
    {
        var (http, _) = await InvokeAsync("ListJobs", r =>
        {
            if (inHeader)
            {
                r.Headers["x-functions-key"] = FunctionsApp.ApiKey;
            }
            else
            {
                r.QueryString = new QueryString("?code=" + FunctionsApp.ApiKey);
            }
        });

        Assert.True(_ran);
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
    }

    [Theory]
    [InlineData(FunctionsApp.ApiKey, "default")]
    [InlineData(FunctionsApp.PartnerKey, FunctionsApp.PartnerCaller)]
    public async Task Invoke_KeyOfEitherCaller_RunsTheFunctionAsThatCaller(string key, string caller)
    {
        string? seen = null;

        var (http, _) = await InvokeAsync("StartJob", r => r.Headers["x-functions-key"] = key, run: h => seen = CallerIdentity.Of(h));

        Assert.True(_ran);
        Assert.Equal(StatusCodes.Status200OK, http.Response.StatusCode);
        Assert.Equal(caller, seen);
    }

    [Fact]
    public async Task Invoke_KeyOfNoCaller_Answers401ProblemAndDoesNotRun()
    {
        var (http, problem) = await InvokeAsync("GetBudgets", r => r.QueryString = new QueryString("?code=" + FunctionsApp.PartnerKey[..^1]));

        Assert.False(_ran);
        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        Assert.Equal("The API key is not valid.", problem!.Value.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("Health")]
    [InlineData("HealthReady")]
    [InlineData("HealthLive")]
    [InlineData("ReceivePixazoWebhook")]
    public async Task Invoke_OpenFunctionWithoutKey_RunsTheFunction(string function)
    {
        await InvokeAsync(function, _ => { });

        Assert.True(_ran);
    }

    [Fact]
    public async Task Invoke_FunctionThrows_Answers500ProblemWithoutTheException()
    {
        var (http, problem) = await InvokeAsync("StartJob", r => r.Headers["x-functions-key"] = FunctionsApp.ApiKey, new InvalidOperationException("secret internals"));

        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        Assert.Equal("application/problem+json", http.Response.ContentType);
        Assert.Equal("An unexpected error occurred", problem!.Value.GetProperty("title").GetString());
        Assert.Equal("no-store, no-cache", http.Response.Headers.CacheControl);
        Assert.DoesNotContain("secret internals", problem.Value.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_FunctionThrowsValidation_Answers400ProblemNamingTheField()
    {
        var invalid = new RequestValidationException([new ValidationError("params.prompt", "required", "is required")]);

        var (http, problem) = await InvokeAsync("StartJob", r => r.Headers["x-functions-key"] = FunctionsApp.ApiKey, invalid);

        Assert.Equal(StatusCodes.Status400BadRequest, http.Response.StatusCode);
        Assert.Equal("params.prompt: is required", problem!.Value.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Invoke_KeyedFunctionWithoutKey_TheIntegrationExecutesThe401AndLogsNoMissingResponse()
    {
        var (http, _) = await InvokeAsync("StartJob", _ => { });

        Assert.Equal(StatusCodes.Status401Unauthorized, http.Response.StatusCode);
        Assert.Empty(NoResponseWarnings());
    }

    [Fact]
    public async Task Invoke_FunctionReturnsNothing_TheIntegrationLogsNoHttpResponseReturned()
    {
        // The condition the middleware avoids, shown with the integration's own event: a response without a result.
        await InvokeAsync("ListJobs", r => r.Headers["x-functions-key"] = FunctionsApp.ApiKey, returnsNothing: true);

        Assert.True(_ran);
        Assert.Single(NoResponseWarnings());
    }

    [Fact]
    public async Task Invoke_FunctionThrows_TheIntegrationLogsNoMissingResponse()
    {
        var (http, _) = await InvokeAsync("StartJob", r => r.Headers["x-functions-key"] = FunctionsApp.ApiKey, new InvalidOperationException("boom"));

        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        Assert.Empty(NoResponseWarnings());
    }

    [Fact]
    public async Task Invoke_ResultThrowsBeforeTheResponseStarts_Answers500ProblemAndLogsTheFunction()
    {
        var failing = new ThrowingResult(new InvalidOperationException("secret internals"));

        var (http, problem) = await InvokeAsync("ListJobs", r =>
        {
            r.Method = HttpMethods.Get;
            r.Path = "/api/jobs";
            r.Headers["x-functions-key"] = FunctionsApp.ApiKey;
        }, result: failing);

        Assert.True(failing.Ran);
        Assert.Equal(StatusCodes.Status500InternalServerError, http.Response.StatusCode);
        Assert.Equal("An unexpected error occurred", problem!.Value.GetProperty("title").GetString());
        Assert.DoesNotContain("secret internals", problem.Value.GetRawText(), StringComparison.Ordinal);
        var logged = Assert.Single(_logs.Entries.Snapshot(), e => e.Level == LogLevel.Error && e.Category == typeof(HttpApiMiddleware).FullName);
        Assert.Contains("ListJobs (GET /api/jobs)", logged.Message, StringComparison.Ordinal);
        Assert.Same(failing.Failure, logged.Exception);
    }

    [Fact]
    public async Task Invoke_EveryApiKeyAnUnresolvedKeyVaultReference_Answers503NotConfiguredNamingTheSettings()
    {
        using var app = FunctionsApp.Build(new Dictionary<string, string?>
        {
            ["Api:Key"] = "@Microsoft.KeyVault(SecretUri=https://mediagen-kv.vault.azure.net/secrets/api-key/)",
            [$"Api:Keys:{FunctionsApp.PartnerCaller}"] = "@Microsoft.KeyVault(VaultName=mediagen-kv;SecretName=partner-key)",
        });
        await using var scope = app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        // The reference's own text is public (it is in the template): it must not pass as the key.
        http.Request.Headers["x-functions-key"] = "@Microsoft.KeyVault(SecretUri=https://mediagen-kv.vault.azure.net/secrets/api-key/)";

        await WorkerHttpPipeline.RunAsync(app.Services, scope.ServiceProvider, MetadataFunctionDefinition.Of("ListJobs"), http, async _ =>
        {
            await Run();
            return Results.Ok();
        });

        Assert.False(_ran);
        Assert.Equal(StatusCodes.Status503ServiceUnavailable, http.Response.StatusCode);
        http.Response.Body.Position = 0;
        var problem = JsonDocument.Parse(http.Response.Body).RootElement;
        Assert.Equal("not_configured", problem.GetProperty("error_type").GetString());
        Assert.Equal(["Api__Key", $"Api__Keys__{FunctionsApp.PartnerCaller}"], problem.GetProperty("settings").EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("vault.azure.net", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invoke_NotAnHttpFunction_RunsWithoutAKey()
    {
        var middleware = _app.Services.GetRequiredService<HttpApiMiddleware>();
        using var scope = _app.Services.CreateScope();

        await middleware.Invoke(new TestFunctionContext(scope.ServiceProvider, "RequestQueue"), _ => Run());

        Assert.True(_ran);
    }

    public void Dispose() => _app.Dispose();

    private async Task<(HttpContext Http, JsonElement? Problem)> InvokeAsync(
        string function, Action<HttpRequest> request, Exception? failure = null, Action<HttpContext>? run = null, IResult? result = null,
        bool returnsNothing = false)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext();
        http.Response.Body = new MemoryStream();
        request(http.Request);

        await WorkerHttpPipeline.RunAsync(_app.Services, scope.ServiceProvider, MetadataFunctionDefinition.Of(function), http, async _ =>
        {
            run?.Invoke(http);
            await Run();
            return failure is null ? result ?? (returnsNothing ? null : Results.Ok()) : throw failure;
        });

        http.Response.Body.Position = 0;
        return (http, http.Response.Body.Length == 0 ? null : JsonDocument.Parse(http.Response.Body).RootElement.Clone());
    }

    private IReadOnlyList<LogCapture.LogEntry> NoResponseWarnings() =>
        [.. _logs.Entries.Snapshot().Where(e => e.Category == IntegrationCategory && e.Event.Name == "NoHttpResponseReturned")];

    /// <summary>A result that fails before writing anything.</summary>
    private sealed class ThrowingResult(Exception failure) : IResult
    {
        public Exception Failure { get; } = failure;

        public bool Ran { get; private set; }

        public Task ExecuteAsync(HttpContext httpContext)
        {
            Ran = true;
            throw Failure;
        }
    }

    private Task Run()
    {
        _ran = true;
        return Task.CompletedTask;
    }
}
