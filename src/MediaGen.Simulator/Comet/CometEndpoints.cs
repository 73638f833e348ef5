namespace MediaGen.Simulator.Comet;

/// <summary>CometAPI routes (base <c>https://api.cometapi.com</c>).</summary>
internal static class CometEndpoints
{
    public static IEndpointRouteBuilder MapComet(this IEndpointRouteBuilder app)
    {
        app.MapPost("/v1/images/generations", (HttpContext c, ProviderPipeline p, CometImagesHandler h) =>
            p.HandleAsync(c, SimulatorEndpoints.CometImages, h.HandleAsync)).WithTags("CometAPI");
        return app;
    }
}
