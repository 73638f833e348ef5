using MediaGen.StandInHost.Http;
using MediaGen.StandInHost.Indexing;

namespace MediaGen.StandInHost.Tests.Http;

/// <summary>The app's HTTP routes are matched as the Functions host matches them: prefix, templates, precedence, methods.</summary>
public sealed class HttpRouteTableTests
{
    private static readonly HttpRouteTable Routes = HttpRouteTable.Create(FunctionMetadataFile.Read(FunctionsAppOutput.Directory), "api");

    [Theory]
    [InlineData("POST", "/api/jobs", "StartJob")]
    [InlineData("GET", "/api/jobs", "ListJobs")]
    [InlineData("GET", "/api/jobs/abc", "GetJob")]
    [InlineData("POST", "/api/jobs/purge", "PurgeJobs")]
    [InlineData("POST", "/api/jobs/abc/cancel", "CancelJob")]
    [InlineData("GET", "/api/health/ready", "HealthReady")]
    [InlineData("GET", "/api/dashboard/jobs/abc", "Dashboard")]
    [InlineData("get", "/API/Jobs/abc", "GetJob")]
    public void Match_AppRoute_PicksTheFunctionAspNetCoreRoutingWould(string method, string path, string function)
    {
        var match = Routes.Match(method, path);

        Assert.Equal(function, match?.Route.FunctionName);
    }

    [Fact]
    public void Match_RouteParameter_GivesItsValue()
    {
        var match = Routes.Match("POST", "/api/webhooks/pixazo/job-1");

        Assert.Equal("job-1", match?.Values["id"]);
    }

    [Theory]
    [InlineData("GET", "/jobs")]
    [InlineData("GET", "/api/nothing")]
    [InlineData("DELETE", "/api/jobs/abc")]
    public void Match_NoFunctionServesIt_IsNull(string method, string path) => Assert.Null(Routes.Match(method, path));

    [Fact]
    public void Create_EmptyRoutePrefix_ServesRoutesAtTheRoot()
    {
        var routes = HttpRouteTable.Create(FunctionMetadataFile.Read(FunctionsAppOutput.Directory), "");

        Assert.Equal("GetJob", routes.Match("GET", "/jobs/abc")?.Route.FunctionName);
    }
}
