using MediaGen.Simulator.Admin;

namespace MediaGen.Simulator.Hosting;

/// <summary>Maps every simulator route.</summary>
public static class SimulatorEndpointRouteBuilderExtensions
{
    /// <summary>Maps the three providers, media, the admin API and <c>/health</c>.</summary>
    public static IEndpointRouteBuilder MapProviderSimulator(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok", service = "mediagen-simulator" }));
        app.MapCosmic();
        app.MapPixazo();
        app.MapComet();
        app.MapMedia();
        app.MapSimulatorAdmin();
        return app;
    }
}
