namespace MediaGen.Api.Dashboard;

/// <summary>Maps the operator dashboard's page and files at <c>/dashboard</c> (no API key: they hold no data; the page asks for the key).</summary>
public static class DashboardEndpoints
{
    /// <summary>Maps <c>GET /dashboard</c> and <c>GET /dashboard/{path}</c>.</summary>
    public static IEndpointRouteBuilder MapDashboard(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapGet("/dashboard/{*path}", (HttpContext httpContext, string? path, DashboardAssets assets) => assets.Serve(httpContext, path))
            .WithName("Dashboard")
            .WithTags("Dashboard")
            .WithSummary("The operator dashboard (HTML, CSS and JavaScript modules; strict Content-Security-Policy)")
            .ExcludeFromDescription();
        return app;
    }
}
