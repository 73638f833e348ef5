using System.Text.Json;
using MediaGen.Api;
using MediaGen.Core.Providers.Validation;
using MediaGen.Functions.Http;
using MediaGen.Functions.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace MediaGen.Functions.Tests.Http;

/// <summary>
/// The HTTP functions' API key and failure answers (<see cref="HttpApiMiddleware"/>, resolved from the app as Program.cs
/// builds it), with a real ASP.NET Core <see cref="HttpContext"/> placed where the ASP.NET Core integration puts it.
/// </summary>
public sealed class HttpApiMiddlewareTests : IDisposable
{
    private readonly IHost _app = FunctionsApp.Build();
    private bool _ran;

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
    public async Task Invoke_NotAnHttpFunction_RunsWithoutAKey()
    {
        var middleware = _app.Services.GetRequiredService<HttpApiMiddleware>();
        using var scope = _app.Services.CreateScope();

        await middleware.Invoke(new TestFunctionContext(scope.ServiceProvider, "RequestQueue"), _ => Run());

        Assert.True(_ran);
    }

    public void Dispose() => _app.Dispose();

    private async Task<(HttpContext Http, JsonElement? Problem)> InvokeAsync(
        string function, Action<HttpRequest> request, Exception? failure = null, Action<HttpContext>? run = null)
    {
        var middleware = _app.Services.GetRequiredService<HttpApiMiddleware>();
        using var scope = _app.Services.CreateScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = new MemoryStream();
        request(http.Request);
        var context = new TestFunctionContext(scope.ServiceProvider, function);
        context.Items["HttpRequestContext"] = http;

        await middleware.Invoke(context, _ =>
        {
            run?.Invoke(http);
            return failure is null ? Run() : throw failure;
        });

        http.Response.Body.Position = 0;
        return (http, http.Response.Body.Length == 0 ? null : JsonDocument.Parse(http.Response.Body).RootElement.Clone());
    }

    private Task Run()
    {
        _ran = true;
        return Task.CompletedTask;
    }
}
