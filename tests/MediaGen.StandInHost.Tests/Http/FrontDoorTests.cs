using System.Net;
using MediaGen.StandInHost.Extensions;
using MediaGen.StandInHost.Invocation;
using MediaGen.StandInHost.Tests.Support;
using MediaGen.StandInHost.Tests.Worker;
using MediaGen.Testing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace MediaGen.StandInHost.Tests.Http;

/// <summary>
/// The front door serves the app's HTTP functions over loopback: a request is routed by the metadata's templates and methods
/// under the route prefix, handed with its route values to the function's WebJobs function, and answered with what the
/// worker side wrote (a scripted worker here).
/// </summary>
public sealed class FrontDoorTests(AzuriteFixture azurite) : IClassFixture<AzuriteFixture>
{
    [Fact]
    public async Task Get_RouteOfAnHttpFunction_AnswersWhatTheWorkerWroteWithTheRouteValues()
    {
        var worker = new ScriptedWorker();
        worker.AnswerAsync("GetJob", async invocation =>
        {
            await invocation.Http!.Response.WriteAsync("job " + ((BindingValue.Text)invocation.TriggerMetadata["id"]).Value);
            return ScriptedWorker.Success();
        });

        var (status, body) = await SendAsync(worker, HttpMethod.Get, "api/jobs/abc-1");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("job abc-1", body);
        Assert.Contains(worker.Of("GetJob").Single().Inputs, i => i.Name == "client");
    }

    [Fact]
    public async Task Get_UnknownRoute_Answers404NamingIt()
    {
        var worker = new ScriptedWorker();

        var (status, body) = await SendAsync(worker, HttpMethod.Get, "api/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("GET /api/nothing-here", body, StringComparison.Ordinal);
        Assert.Empty(worker.Invocations);
    }

    [Fact]
    public async Task Delete_RouteWithoutThatMethod_Answers404()
    {
        var (status, _) = await SendAsync(new ScriptedWorker(), HttpMethod.Delete, "api/jobs/abc");

        Assert.Equal(HttpStatusCode.NotFound, status);
    }

    [Fact]
    public async Task Post_FunctionTheWorkerFailed_Answers500()
    {
        var worker = new ScriptedWorker();
        worker.Answer("StartJob", _ => ScriptedWorker.Failure("boom"));

        var (status, _) = await SendAsync(worker, HttpMethod.Post, "api/jobs");

        Assert.Equal(HttpStatusCode.InternalServerError, status);
    }

    [Fact]
    public async Task Get_DisabledFunction_Answers404()
    {
        var worker = new ScriptedWorker();

        var (status, _) = await SendAsync(worker, HttpMethod.Get, "api/health", new Dictionary<string, string> { ["AzureWebJobs.Health.Disabled"] = "true" });

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Empty(worker.Invocations);
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(
        ScriptedWorker worker, HttpMethod method, string path, IReadOnlyDictionary<string, string>? values = null)
    {
        using var settings = RunSettings.Create(azurite.ConnectionString, values);
        using var host = WebJobsSideHost.Build(settings, worker, new CapturedLogs());
        await host.StartAsync();
        try
        {
            using var http = new HttpClient { BaseAddress = host.Services.GetRequiredService<FrontDoorAddress>().BaseUri };
            using var response = await http.SendAsync(new HttpRequestMessage(method, path) { Content = method == HttpMethod.Get ? null : new StringContent("{}") });
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        finally
        {
            await host.StopAsync();
        }
    }
}
